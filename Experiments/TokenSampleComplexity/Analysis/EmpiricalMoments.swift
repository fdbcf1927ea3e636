import WorkbenchNumerics

/// Mean `(1/n)Σ o_i` and covariance `(1/n)Σ (o_i − mean)(o_i − mean)ᵀ` of the rows of an
/// `n × d'` matrix, by two-pass centring (no cancellation when the mean is large) and dsyrk.
struct EmpiricalMoments {
    let mean: [Double]
    let covariance: Matrix

    init(_ rows: Matrix) {
        let n = rows.rows
        let count = Double(max(1, n))
        var centred = rows
        var mean = [Double](repeating: 0, count: rows.columns)
        for c in 0..<rows.columns {
            var total = 0.0
            for i in 0..<n { total += rows[i, c] }
            mean[c] = total / count
            for i in 0..<n { centred[i, c] -= mean[c] }
        }
        self.mean = mean
        self.covariance = (1 / count) * centred.gram
    }
}

/// Rank correlations.
public enum RankCorrelation {
    /// Spearman's ρ: the Pearson correlation of the ranks (ties get their average rank),
    /// `ρ = Σ(r_i − r̄)(s_i − s̄) / √(Σ(r_i − r̄)² · Σ(s_i − s̄)²)`.
    ///
    /// `nan` when either sample is constant or has fewer than two values (the correlation is
    /// undefined).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "spearman: samples must have equal length")
        let rx = ranks(x)
        let ry = ranks(y)
        let n = Double(x.count)
        let mx = rx.reduce(0, +) / n
        let my = ry.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in 0..<x.count {
            sxy += (rx[i] - mx) * (ry[i] - my)
            sxx += (rx[i] - mx) * (rx[i] - mx)
            syy += (ry[i] - my) * (ry[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Average ranks (1-based) of `values`: a run of `t` tied values occupying sorted positions
    /// `k+1 … k+t` each gets rank `k + (t + 1)/2`.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for k in start...end { result[order[k]] = averageRank }
            start = end + 1
        }
        return result
    }
}

extension DiagonalGaussian {
    /// `W2²` (= Fréchet distance) to `other` when both share the eigenbasis:
    /// `Σ_i (M_i − m_i)² + Σ_i (√P_i − √v_i)²`, with `√P − √v` evaluated as
    /// `(P − v)/(√P + √v)` so that nearly equal variances keep their relative accuracy.
    func squaredWassersteinDistance(to other: DiagonalGaussian) -> Double {
        precondition(mean.count == other.mean.count, "dimension mismatch")
        var total = 0.0
        for i in mean.indices {
            let dm = mean[i] - other.mean[i]
            let p = max(variance[i], 0)
            let v = max(other.variance[i], 0)
            let denominator = p.squareRoot() + v.squareRoot()
            let ds = denominator > 0 ? (p - v) / denominator : 0
            total += dm * dm + ds * ds
        }
        return total
    }

    /// `E‖Y‖² − E‖X‖² = Σ_i (P_i − v_i) + Σ_i (M_i − m_i)(M_i + m_i)` for `Y` of this law and
    /// `X` of `other` (the weak error for the test function `φ(x) = ‖x‖²`).
    func squaredNormWeakError(relativeTo other: DiagonalGaussian) -> Double {
        precondition(mean.count == other.mean.count, "dimension mismatch")
        var total = 0.0
        for i in mean.indices {
            total +=
                (variance[i] - other.variance[i])
                + (mean[i] - other.mean[i]) * (mean[i] + other.mean[i])
        }
        return total
    }
}

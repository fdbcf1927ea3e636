/// The first-order error constants of Euler–Maruyama for Gaussian data with the exact score.
///
/// Per eigen-direction `i`: `P_{K,i} = v_i(ε) + C_i/K + O(K⁻²)` and
/// `M_{K,i} = a_εν_i + D_i/K + O(K⁻²)`, hence
/// `W2(q_K, p_ε) = 𝓔/K + O(K⁻²)` with `𝓔² = Σ_i [D_i² + C_i²/(4v_i(ε))]`, and the weak error
/// for `‖x‖²` is `𝒲/K + O(K⁻²)` with `𝒲 = Σ_i [C_i + 2a_εν_iD_i]`.
struct FirstOrderConstants: Sendable, Equatable {
    /// `C_i`, the variance constants.
    let varianceConstants: [Double]
    /// `D_i`, the mean constants (0 when `ν = 0`).
    let meanConstants: [Double]
    /// The reference law `p_ε` in eigen-coordinates.
    let target: DiagonalGaussian

    /// Per-direction contribution `κ_i = D_i² + C_i²/(4v_i(ε))` to `𝓔²`.
    var kernel: [Double] {
        varianceConstants.indices.map { i in
            let c = varianceConstants[i]
            let dm = meanConstants[i]
            return dm * dm + c * c / (4 * target.variance[i])
        }
    }

    /// `𝓔 = (Σ_i κ_i)^{1/2}`: `W2 ≈ 𝓔/K`.
    var errorConstant: Double { kernel.reduce(0, +).squareRoot() }

    /// `𝒲 = Σ_i [C_i + 2a_εν_iD_i]`: weak `‖x‖²` error `≈ 𝒲/K`.
    var weakConstant: Double {
        var total = 0.0
        for i in varianceConstants.indices {
            total += varianceConstants[i] + 2 * target.mean[i] * meanConstants[i]
        }
        return total
    }

    /// `max_i |C_i|`.
    var maxAbsVarianceConstant: Double { varianceConstants.reduce(0) { max($0, abs($1)) } }
}

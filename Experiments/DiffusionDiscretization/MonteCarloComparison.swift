import WorkbenchNumerics

/// Statistics comparing a Monte Carlo sample of `Y_K` with the exact law from the recursion.
///
/// - `z`-scores: covariance entries `z_ij = (Ŝ_ij − S_ij)/√((S_iiS_jj + S_ij²)/N)` and means
///   `z_i = (m̂_i − m_i)/√(S_ii/N)`, against the exact `N(m, S)` of `Y_K`.
/// - `fdMonteCarlo`: Fréchet distance of the fitted Gaussian to `p_ε` (full Bures formula).
/// - `floor`: the expected Fréchet distance of a fit of `N` samples to its own law,
///   `(1/N)[tr S + ½Σ_i s_i + ½Σ_{i≠j} s_is_j/(s_i + s_j)]` with `s` = the variances of `Y_K`
///   (spec §3.2).
/// - `bias`: the finite-sample bias `E fdMonteCarlo − fdExact` to second order (delta method)
///   when `Y_K ~ N(·, U diag(P) Uᵀ)` and `p_ε = N(·, U diag(v) Uᵀ)` share the eigenbasis:
///   the same formula with `s_i` replaced by `√(P_i v_i)` in the covariance part,
///   `(1/N)[Σ_i P_i + ½Σ_i g_i + ½Σ_{i≠j} g_ig_j/(g_i + g_j)]`, `g_i = √(P_i v_i)`. It equals the
///   floor when `P = v`; the floor alone overstates the bias when `P_i ≫ v_i` (coarse SDE runs),
///   because the Bures term's curvature at `S_q` is `√(v/P)` times its curvature at `S_p`.
struct MonteCarloComparison: Sendable {
    let maxCovarianceZ: Double
    let maxMeanZ: Double
    let fdMonteCarlo: Double
    let fdExact: Double
    let floor: Double
    let bias: Double

    /// Compares `moments` (from `sampleCount` samples) with `law` (the recursion's output, in
    /// the eigen-coordinates of `basis`) and the reference `target = p_ε`.
    init(
        moments: SampleMoments, sampleCount: Int, law: DiagonalGaussian, target: DiagonalGaussian,
        basis: EigenBasis
    ) throws(DiffusionDiscretizationError) {
        let n = Double(sampleCount)
        let covariance = basis.covariance(variances: law.variance)
        let mean = basis.originalCoordinates(of: law.mean)
        let d = mean.count
        var covarianceZ = 0.0
        var meanZ = 0.0
        for j in 0..<d {
            meanZ = max(meanZ, abs(moments.mean[j] - mean[j]) / (covariance[j, j] / n).squareRoot())
            for i in 0...j {
                let s = covariance[i, j]
                let spread = ((covariance[i, i] * covariance[j, j] + s * s) / n).squareRoot()
                covarianceZ = max(covarianceZ, abs(moments.covariance[i, j] - s) / spread)
            }
        }
        maxCovarianceZ = covarianceZ
        maxMeanZ = meanZ
        do {
            fdMonteCarlo = try BuresWasserstein.squaredDistance(
                mean1: basis.originalCoordinates(of: target.mean),
                covariance1: basis.covariance(variances: target.variance),
                mean2: moments.mean, covariance2: moments.covariance)
        } catch {
            throw .numerical("Bures distance: \(error)")
        }
        fdExact = law.squaredWassersteinDistance(to: target)
        floor = Self.fittingFloor(variances: law.variance, sampleCount: sampleCount)
        bias = Self.fittingBias(variances: law.variance, targetVariances: target.variance, sampleCount: sampleCount)
    }

    /// `(1/N)[Σ_i P_i + ½Σ_i g_i + ½Σ_{i≠j} g_ig_j/(g_i + g_j)]` with `g_i = √(P_i v_i)`.
    static func fittingBias(variances p: [Double], targetVariances v: [Double], sampleCount: Int) -> Double {
        let meanPart = p.reduce(0, +)
        let geometric = p.indices.map { (max(p[$0], 0) * max(v[$0], 0)).squareRoot() }
        return meanPart / Double(sampleCount)
            + covarianceCurvature(geometric) / Double(sampleCount)
    }

    /// `(1/N)[tr S + ½Σ_i s_i + ½Σ_{i≠j} s_is_j/(s_i + s_j)]` for eigenvalues `s` of `S`.
    static func fittingFloor(variances s: [Double], sampleCount: Int) -> Double {
        (s.reduce(0, +) + covarianceCurvature(s)) / Double(sampleCount)
    }

    /// `½Σ_i g_i + ½Σ_{i≠j} g_ig_j/(g_i + g_j)`.
    static func covarianceCurvature(_ g: [Double]) -> Double {
        var total = 0.5 * g.reduce(0, +)
        for i in g.indices {
            for j in g.indices where j != i && g[i] + g[j] > 0 {
                total += 0.5 * g[i] * g[j] / (g[i] + g[j])
            }
        }
        return total
    }
}

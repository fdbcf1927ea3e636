import Foundation
import WorkbenchNumerics

/// Gaussian tokens `μ = N(m, Σ)` with attention bilinear form `A` (`d × d`) and value map `V`
/// (`d' × d`), and the closed forms of the spec's oracles O1–O3.
///
/// Score convention: `score(x, y) = yᵀ A x` (for `τ⟨Qx, Ky⟩`, `A = τ KᵀQ`). Vectors are plain
/// arrays; matrices are column-major ``Matrix`` values.
struct GaussianTokenModel: Sendable {
    /// Token mean `m` (length `d`).
    let mean: [Double]
    /// Token covariance `Σ` (`d × d`, symmetric positive definite).
    let covariance: Matrix
    /// Lower Cholesky factor `L` with `L Lᵀ = Σ`.
    let covarianceFactor: Matrix
    /// Bilinear form `A` (`d × d`).
    let bilinearForm: Matrix
    /// Value map `V` (`d' × d`).
    let valueMap: Matrix

    /// - Throws: `LinearAlgebraError` when `Σ` is not positive definite or shapes disagree.
    init(mean: [Double], covariance: Matrix, bilinearForm: Matrix, valueMap: Matrix) throws {
        let d = mean.count
        guard covariance.rows == d, covariance.columns == d, bilinearForm.rows == d,
            bilinearForm.columns == d, valueMap.columns == d
        else {
            throw LinearAlgebraError.dimensionMismatch(
                "Gaussian model: m has \(d) entries, Σ is \(covariance.rows)×\(covariance.columns), A is \(bilinearForm.rows)×\(bilinearForm.columns), V is \(valueMap.rows)×\(valueMap.columns)"
            )
        }
        self.mean = mean
        self.covariance = covariance
        self.covarianceFactor = try covariance.choleskyFactor()
        self.bilinearForm = bilinearForm
        self.valueMap = valueMap
    }

    /// Token dimension `d`.
    var dimension: Int { mean.count }
    /// Value dimension `d'`.
    var valueDimension: Int { valueMap.rows }

    /// O1: the mean-field attention map `Γ_μ(x) = V(m + ΣAx)` (the `e^{yᵀAx}`-tilt of `N(m, Σ)`
    /// is `N(m + ΣAx, Σ)`).
    func meanFieldMap(_ x: [Double]) -> [Double] {
        let tiltedMean = zip(mean, covariance.applied(to: bilinearForm.applied(to: x))).map { $0 + $1 }
        return valueMap.applied(to: tiltedMean)
    }

    /// O1: `log Z(x) = log E e^{yᵀAx} = mᵀAx + ½ xᵀAᵀΣAx`.
    func logPartition(_ x: [Double]) -> Double {
        let u = bilinearForm.applied(to: x)
        return BLAS.dot(mean, u) + 0.5 * BLAS.dot(u, covariance.applied(to: u))
    }

    /// `s(x)² = (Ax)ᵀ Σ (Ax) = ‖Σ^{1/2}Ax‖²`.
    func tiltSquared(_ x: [Double]) -> Double {
        let u = bilinearForm.applied(to: x)
        return BLAS.dot(u, covariance.applied(to: u))
    }

    /// O2: `log c(x)` where `n·E‖Γ_{μ_n}(x) − Γ_μ(x)‖² → c(x) = e^{s²}(tr(VΣVᵀ) + ‖VΣAx‖²)`,
    /// computed in log space so large `s` does not overflow.
    func logAsymptoticErrorConstant(_ x: [Double]) -> Double {
        let u = bilinearForm.applied(to: x)
        let sigmaU = covariance.applied(to: u)
        let s2 = BLAS.dot(u, sigmaU)
        let shift = valueMap.applied(to: sigmaU)
        let traceTerm = Matrix.product(
            Matrix.product(valueMap, covariance), valueMap, transposeB: .transpose
        ).trace
        return s2 + log(traceTerm + BLAS.dot(shift, shift))
    }

    /// O3: mean of the pushforward `Γ_#μ`, `V(I + ΣA)m`.
    var pushforwardMean: [Double] {
        let sigmaAm = covariance.applied(to: bilinearForm.applied(to: mean))
        return valueMap.applied(to: zip(mean, sigmaAm).map { $0 + $1 })
    }

    /// O3: covariance of the pushforward `Γ_#μ`, `VΣAΣAᵀΣVᵀ` (`d' × d'`).
    var pushforwardCovariance: Matrix {
        let vSigmaA = Matrix.product(Matrix.product(valueMap, covariance), bilinearForm)
        var result = Matrix.product(
            Matrix.product(vSigmaA, covariance), vSigmaA, transposeB: .transpose)
        result.symmetrize()
        return result
    }

    /// Horizon `H = ‖Lᵀ A L‖₂ = ‖Σ^{1/2} A Σ^{1/2}‖₂` (the theory's, with `A` the form in the
    /// exponent).
    func horizon() throws -> Double {
        try Matrix.product(
            Matrix.product(covarianceFactor, bilinearForm, transposeA: .transpose),
            covarianceFactor
        ).spectralNorm()
    }

    /// `σ₁ = ‖Σ^{1/2} A‖₂ = ‖LᵀA‖₂` and the unit vector `v₁` attaining it (the top right singular
    /// vector), which maximises `s(x)` on the unit sphere.
    func topTiltDirection() throws -> (sigma: Double, direction: [Double]) {
        let svd = try SingularValueDecomposition(
            of: Matrix.product(covarianceFactor, bilinearForm, transposeA: .transpose))
        guard let vt = svd.vt, let sigma = svd.singularValues.first else {
            throw LinearAlgebraError.dimensionMismatch("empty bilinear form")
        }
        return (sigma, vt.row(0))
    }

    /// `n` i.i.d. tokens as the rows of an `n × d` matrix: `Y = 1mᵀ + Z Lᵀ`, `Z` standard normal
    /// drawn in column-major order.
    func sample<G: RandomNumberGenerator>(_ n: Int, using generator: inout G) -> Matrix {
        let z = Matrix.gaussian(rows: n, columns: dimension, using: &generator)
        var y = Matrix.product(z, covarianceFactor, transposeB: .transpose)
        for k in 0..<dimension where mean[k] != 0 {
            for j in 0..<n { y[j, k] += mean[k] }
        }
        return y
    }
}

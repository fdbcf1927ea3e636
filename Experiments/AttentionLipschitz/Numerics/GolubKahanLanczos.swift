import WorkbenchNumerics

/// An estimate of `σ_max(J)` with the singular pair that attains it.
public struct SpectralNormEstimate: Sendable {
    /// The estimate (a lower bound on `σ_max`, equal to it at convergence).
    public let value: Double
    /// Matrix-vector products `J v` used (each paired with one `Jᵀ u`).
    public let iterations: Int
    /// Whether the stopping rule was met before the cap.
    public let converged: Bool
    /// Unit right singular vector `v` (length `columnCount`).
    public let rightVector: [Double]
    /// Unit left singular vector `u = J v/σ` (length `rowCount`).
    public let leftVector: [Double]
}

/// `σ_max` of a matrix-free operator by Golub–Kahan–Lanczos bidiagonalisation with full
/// reorthogonalisation.
///
/// From a unit `v_1`: `α_1 u_1 = J v_1`; then `β_k v_{k+1} = Jᵀ u_k − α_k v_k` and
/// `α_{k+1} u_{k+1} = J v_{k+1} − β_k u_k`, each new vector orthogonalised (twice, classical
/// Gram–Schmidt) against all earlier ones. Then `J V_k = U_k B_k` with the upper bidiagonal
/// `B_k` (diagonal α, superdiagonal β), whose largest singular value (LAPACK `dgesdd` on the
/// `k × k` matrix) increases to `σ_max(J)`. Stops when it changes by less than `tolerance`
/// relative, when an invariant subspace is found (`β_k` or `α_{k+1}` ≈ 0, the value is then
/// exact), or at `maximumSteps` (the cap; spec default 40).
public enum GolubKahanLanczos {
    public static func largestSingularValue(
        of map: some LinearOperator, start: [Double], maximumSteps: Int = 40, tolerance: Double = 1e-8
    ) throws -> SpectralNormEstimate {
        precondition(start.count == map.columnCount, "Lanczos: start vector has the wrong length")
        let steps = max(1, min(maximumSteps, min(map.rowCount, map.columnCount)))
        var v = normalised(start)
        var rights = [v]
        var u = map.apply(v)
        var alphas = [BLAS.norm2(u)]
        var betas = [Double]()
        let zero = SpectralNormEstimate(
            value: 0, iterations: 1, converged: true, rightVector: v,
            leftVector: [Double](repeating: 0, count: map.rowCount))
        guard alphas[0] > 0 else { return zero }
        BLAS.scale(1 / alphas[0], &u)
        var lefts = [u]
        var previous = -Double.infinity
        var converged = false
        var top = (value: alphas[0], left: [1.0], right: [1.0])
        while true {
            top = try largestPair(alphas, betas)
            if abs(top.value - previous) <= tolerance * top.value {
                converged = true
                break
            }
            previous = top.value
            if alphas.count >= steps { break }
            var w = map.applyTransposed(lefts[lefts.count - 1])
            BLAS.axpy(-alphas[alphas.count - 1], v, &w)
            orthogonalise(&w, against: rights)
            let beta = BLAS.norm2(w)
            let size = max(top.value, alphas.max() ?? 0)
            if beta <= 1e-14 * size {
                converged = true
                break
            }
            BLAS.scale(1 / beta, &w)
            v = w
            rights.append(v)
            betas.append(beta)
            var p = map.apply(v)
            BLAS.axpy(-beta, lefts[lefts.count - 1], &p)
            orthogonalise(&p, against: lefts)
            let alpha = BLAS.norm2(p)
            alphas.append(alpha)
            if alpha <= 1e-14 * size {
                top = try largestPair(alphas, betas)
                converged = true
                lefts.append([Double](repeating: 0, count: map.rowCount))
                break
            }
            BLAS.scale(1 / alpha, &p)
            lefts.append(p)
        }
        let k = top.right.count
        var right = [Double](repeating: 0, count: map.columnCount)
        var left = [Double](repeating: 0, count: map.rowCount)
        for index in 0..<k {
            BLAS.axpy(top.right[index], rights[index], &right)
            BLAS.axpy(top.left[index], lefts[index], &left)
        }
        return SpectralNormEstimate(
            value: top.value, iterations: alphas.count, converged: converged, rightVector: normalised(right),
            leftVector: normalised(left))
    }

    /// The top singular triple of the `k × k` upper bidiagonal matrix `diag(α) + superdiag(β)`.
    static func largestPair(_ alphas: [Double], _ betas: [Double]) throws -> (
        value: Double, left: [Double], right: [Double]
    ) {
        let k = alphas.count
        var b = Matrix(rows: k, columns: k)
        for index in 0..<k { b[index, index] = alphas[index] }
        for index in 0..<(k - 1) { b[index, index + 1] = betas[index] }
        let svd = try SingularValueDecomposition(of: b)
        guard let u = svd.u, let vt = svd.vt else { return (svd.singularValues[0], [1], [1]) }
        return (svd.singularValues[0], u.column(0), vt.row(0))
    }

    /// Two passes of classical Gram–Schmidt against orthonormal `basis`.
    static func orthogonalise(_ w: inout [Double], against basis: [[Double]]) {
        for _ in 0..<2 {
            for q in basis { BLAS.axpy(-BLAS.dot(q, w), q, &w) }
        }
    }

    static func normalised(_ x: [Double]) -> [Double] {
        let norm = BLAS.norm2(x)
        guard norm > 0 else { return x }
        return x.map { $0 / norm }
    }
}

/// The authors' estimator, kept for fidelity: power iteration on `JᵀJ` from a Gaussian start,
/// `μ_k = ⟨v_k, JᵀJ v_k⟩` with `‖v_k‖ = 1`, stopped when `|μ_k − μ_{k−1}| ≤ tolerance` (absolute,
/// on `σ²`; the BERT runs use 1e−4 and 100 iterations); the estimate is `√μ`.
public enum PaperPowerIteration {
    public static func largestSingularValue(
        of map: some LinearOperator, start: [Double], tolerance: Double = 1e-4, maximumIterations: Int = 100
    ) -> SpectralNormEstimate {
        var v = GolubKahanLanczos.normalised(start)
        var previous = 0.0
        var mu = 0.0
        var iterations = 0
        var converged = false
        var image = [Double](repeating: 0, count: map.rowCount)
        while iterations < maximumIterations {
            iterations += 1
            image = map.apply(v)
            let w = map.applyTransposed(image)
            mu = BLAS.dot(v, w)
            if abs(mu - previous) <= tolerance {
                converged = true
                break
            }
            previous = mu
            let norm = BLAS.norm2(w)
            guard norm > 0 else { break }
            v = w.map { $0 / norm }
        }
        let sigma = max(mu, 0).squareRoot()
        return SpectralNormEstimate(
            value: sigma, iterations: iterations, converged: converged, rightVector: v,
            leftVector: GolubKahanLanczos.normalised(image))
    }
}

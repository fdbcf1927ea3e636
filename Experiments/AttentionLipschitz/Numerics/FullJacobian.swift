import WorkbenchNumerics

/// The dense Jacobian of one head from the block formula of spec §1.2, for oracles on small
/// cases (`n·d` up to about 1500).
///
/// With `a_i = A x_i + c`, `g_i = Σ_j P_ij x_j` and `Cov_i = Σ_l P_il (x_l − g_i)(x_l − g_i)ᵀ`:
///
///     ∂f_i/∂x_j = V [ P_ij (I + (x_j − g_i) a_iᵀ) + δ_ij Cov_i A ]
///
/// (value path, key path, query path), placed at rows `i·d_v…`, columns `j·d…` (token-major).
/// Masked blocks (`j > i` with the causal mask) are exactly zero because `P_ij = 0`.
public enum FullJacobian {
    public static func of(_ state: HeadLinearisation) -> Matrix {
        let head = state.head
        let x = state.tokens
        let d = x.rows
        let n = x.columns
        let dv = head.outputDimension
        let a = head.bilinearForm
        var jacobian = Matrix(rows: n * dv, columns: n * d)
        for i in 0..<n {
            let ai = state.keySides.column(i)
            let gi = state.means.column(i)
            var covariance = Matrix(rows: d, columns: d)
            for l in 0..<n {
                let p = state.weightsTransposed[l, i]
                guard p != 0 else { continue }
                let centred = (0..<d).map { x[$0, l] - gi[$0] }
                for c in 0..<d {
                    for r in 0..<d { covariance[r, c] += p * centred[r] * centred[c] }
                }
            }
            let queryPath = Matrix.product(covariance, a)
            for j in 0..<n {
                let p = state.weightsTransposed[j, i]
                var block = i == j ? queryPath : Matrix(rows: d, columns: d)
                if p != 0 {
                    for c in 0..<d {
                        for r in 0..<d {
                            block[r, c] += p * ((r == c ? 1 : 0) + (x[r, j] - gi[r]) * ai[c])
                        }
                    }
                }
                let image = Matrix.product(head.value, block)
                for c in 0..<d {
                    for r in 0..<dv { jacobian[i * dv + r, j * d + c] = image[r, c] }
                }
            }
        }
        return jacobian
    }

    /// The dense matrix of any operator, column by column (`J e_k`), for tests.
    public static func materialise(_ map: some LinearOperator) -> Matrix {
        var result = Matrix(rows: map.rowCount, columns: map.columnCount)
        var unit = [Double](repeating: 0, count: map.columnCount)
        for k in 0..<map.columnCount {
            unit[k] = 1
            let column = map.apply(unit)
            unit[k] = 0
            for r in 0..<map.rowCount { result[r, k] = column[r] }
        }
        return result
    }
}

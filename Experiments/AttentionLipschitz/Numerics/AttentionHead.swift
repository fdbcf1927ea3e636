import WorkbenchNumerics

/// One self-attention head `f(X)_i = V Σ_j P_ij x_j` with `P_ij = softmax_j(⟨A x_i + c, x_j⟩)`.
///
/// **Shapes and conventions.** Tokens are the **columns** of a `d × n` ``Matrix``, so its
/// column-major storage is the token-major vectorisation `vec(X) = (x_1; …; x_n)` of the spec,
/// and a Jacobian's `(i, j)` block is `d_v × d` (output token `i`, input token `j`).
/// `A = scale·W_kᵀ W_q` (`W_q`, `W_k`: `k × d`) is never formed: `A x = scale·W_kᵀ(W_q x)`.
/// Scores are `s_ij = ⟨A x_i + c, x_j⟩` (query `i`, key `j`), where `c = scale·W_kᵀ b_q` carries
/// the query bias of a `nn.Linear` head (the key bias cancels in the softmax; the value bias
/// shifts the output and leaves the Jacobian unchanged). With `causal`, query `i` sees keys
/// `j ≤ i` only.
public struct AttentionHead: Sendable {
    /// `W_q`, `k × d`.
    public let query: Matrix
    /// `W_k`, `k × d`.
    public let key: Matrix
    /// `V`, `d_v × d`.
    public let value: Matrix
    /// `c`, length `d` (zero without a query bias).
    public let queryBias: [Double]
    /// The score scale (`1/√k` for a transformer head).
    public let scale: Double
    /// Whether the causal mask is applied.
    public let causal: Bool

    /// A head from its projections.
    public init(query: Matrix, key: Matrix, value: Matrix, queryBias: [Double]? = nil, scale: Double, causal: Bool) {
        precondition(query.columns == key.columns && key.columns == value.columns, "head: input widths differ")
        precondition(query.rows == key.rows, "head: query and key widths differ")
        self.query = query
        self.key = key
        self.value = value
        self.queryBias = queryBias ?? [Double](repeating: 0, count: query.columns)
        self.scale = scale
        self.causal = causal
    }

    /// A head with the dense bilinear form `A` (`d × d`): `W_q = A`, `W_k = I`, scale 1.
    public init(bilinear a: Matrix, value: Matrix, causal: Bool = false) {
        self.init(query: a, key: .identity(a.rows), value: value, scale: 1, causal: causal)
    }

    /// Input width `d`.
    public var inputDimension: Int { query.columns }
    /// Output width `d_v`.
    public var outputDimension: Int { value.rows }

    /// The same head with the mask switched on or off.
    public func masked(_ causal: Bool) -> AttentionHead {
        AttentionHead(query: query, key: key, value: value, queryBias: queryBias, scale: scale, causal: causal)
    }

    /// The dense `A = scale·W_kᵀ W_q` (`d × d`), for oracles and full Jacobians.
    public var bilinearForm: Matrix { Matrix.product(key, query, transposeA: .transpose, alpha: scale) }

    /// `A·M + c·1ᵀ` for a `d × n` matrix `M` (`withBias: false` leaves out `c`).
    func keySide(_ m: Matrix, withBias: Bool) -> Matrix {
        let projected = Matrix.product(query, m)
        var result = Matrix.product(key, projected, transposeA: .transpose, alpha: scale)
        if withBias {
            let d = result.rows
            for column in 0..<result.columns {
                for a in 0..<d { result.storage[a + column * d] += queryBias[a] }
            }
        }
        return result
    }

    /// `scale·W_qᵀ W_k M` = `Aᵀ M` for a `d × n` matrix `M`.
    func keySideAdjoint(_ m: Matrix) -> Matrix {
        let projected = Matrix.product(key, m)
        return Matrix.product(query, projected, transposeA: .transpose, alpha: scale)
    }

    /// The forward pass at `X` (`d × n`), with everything the JVP and VJP reuse.
    public func linearised(at tokens: Matrix) -> HeadLinearisation {
        HeadLinearisation(head: self, tokens: tokens)
    }

    /// `f(X)`, `d_v × n`.
    public func callAsFunction(_ tokens: Matrix) -> Matrix { linearised(at: tokens).output }
}

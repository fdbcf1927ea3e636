/// Softmax (or hardmax) attention of `M` queries over `n` key/value tokens, computed in blocks
/// by a fused C kernel (or by dgemm around C softmax passes).
///
/// **Convention.** Tokens are **rows** of column-major ``Matrix`` values: queries `X` are `M × p`,
/// keys `K` are `n × p`, values `W` are `n × d'`, and the output `O` is `M × d'` with
///
///     O_i = Σ_j softmax_j(⟨x_i, k_j⟩)·w_j,     softmax_j(s_j) = e^{s_j} / Σ_l e^{s_l}
///
/// (``Normalization/hardmax``: `O_i = w_{j*}` with `j* = argmax_j ⟨x_i, k_j⟩`, the first index on
/// ties). The bilinear entry point ``attend(queries:tokens:bilinearForm:valueMap:workspace:)``
/// covers mean-field attention `Σ_j softmax_j(y_jᵀ A x_i)·V y_j` by projecting `K = Y·A` and
/// `W = Y·Vᵀ` first.
///
/// **Algorithms** (``Algorithm``; the fused one by default). Both subtract a running maximum
/// before exponentiating, so every exponent is ≤ 0 and the normaliser is ≥ 1: scores of any
/// finite size (e.g. ±1e5) give no overflow, no NaN and no division by zero; at huge scale softmax
/// degrades into hardmax. Both compute each query's row from that row alone (never from which
/// queries share its block); the C parts give the same bits on every instruction set, and the
/// blocked algorithm's dgemm calls depend only on the BLAS kernel (recorded with every run).
///
/// - *Fused.* Keys and values are packed row by row; for each tile of eight queries (one per
///   vector lane) and each block of 252 keys, the 8 × 252 scores are computed six keys at a time
///   by twelve independent chains of fused multiply-adds (two four-lane query vectors × six
///   broadcast keys, the shape of a dgemm micro-kernel), the block maximum raises the running
///   maximum `m_i` (rescaling `ℓ_i` and `O_i` by `e^{m_i − m'}`), the scores are exponentiated in
///   place into the block sum, and `O_i` gains the weighted sum six value coordinates at a time
///   by the same twelve-chain loop; finally `O_i ← O_i·(1/ℓ_i)`. Eight tiles (64 queries) take
///   each key block in turn, so its keys and values are read into the L2 cache once per 64
///   queries. The scores never leave the L1 cache and each query's sums run in key order in its
///   own lane (see `cvexp_fused_attention`).
/// - *Blocked products.* For each block of `B` queries and each block of `n_b` keys: the score
///   block `S = X_blk·K_blkᵀ` (`B × n_b`, dgemm, one query per row, stored with a leading
///   dimension that is an odd number of cache lines), then one C pass per block of eight
///   queries: the row maxima, `P = e^{S − m}` in place and the row sums (``VectorExponential``'s
///   algorithm, several vectors in flight), then `O_blk += P·W_blk` (dgemm). Across key blocks
///   the online-softmax update keeps a running max `m_i` and sum `ℓ_i`: with
///   `m' = max(m_i, max_blk)`, both `ℓ_i` and `O_i` are multiplied by `e^{m_i − m'}` before the
///   block is added (rows whose factor is exactly 1 are left alone). Finally `O_i ← O_i/ℓ_i`.
///   Each row sum is added in key order. The default blocks are `B = n_b = 256`. Hardmax uses
///   this algorithm's score blocks.
///
/// - Complexity: `O(M·n·(p + d'))` flops plus `M·n` exponentials; memory
///   `O(n_b·B + n·(p + d'))` in the workspace.
public struct SoftmaxAttention: Sendable {
    /// How scores become weights.
    public enum Normalization: Sendable, Equatable {
        /// `softmax_j(s)`: the usual attention weights.
        case softmax
        /// All weight on the first maximal score.
        case hardmax
    }

    /// Softmax or hardmax.
    public var normalization: Normalization
    /// Queries per block `B` (rows of `X` handled together).
    public var queryBlockSize: Int
    /// Keys per block `n_b` of the blocked algorithm; `n > n_b` switches on the online-softmax
    /// update.
    public var keyBlockSize: Int
    /// Which algorithm computes softmax attention (hardmax always uses the blocked one's score
    /// blocks).
    public var algorithm: Algorithm

    /// How softmax attention is computed. Both algorithms give a deterministic result for given
    /// operands; they round differently, so their results differ in the last bits.
    public enum Algorithm: Sendable, Equatable {
        /// One C kernel: eight queries per register tile (one per lane) against 252 keys at a
        /// time, scores and weighted sums by twelve-accumulator fused multiply-add loops, the
        /// exponentials in between (see `cvexp_fused_attention` for the exact arithmetic).
        case fused
        /// Score blocks and weighted sums by dgemm around the C softmax passes (see the type
        /// documentation).
        case blockedProducts
    }

    /// A kernel with the given normalisation, algorithm and block sizes of the blocked algorithm
    /// (each at least 1).
    public init(
        normalization: Normalization = .softmax, algorithm: Algorithm = .fused,
        queryBlockSize: Int = 256, keyBlockSize: Int = 256
    ) {
        self.normalization = normalization
        self.algorithm = algorithm
        self.queryBlockSize = max(1, queryBlockSize)
        self.keyBlockSize = max(1, keyBlockSize)
    }

    /// `O = attention(X, K, W)`: `O_i = Σ_j softmax_j(⟨x_i, k_j⟩)·w_j`.
    ///
    /// - Parameters:
    ///   - queries: `X`, `M × p` (one query per row).
    ///   - keys: `K`, `n × p` (one key per row), `n ≥ 1`.
    ///   - values: `W`, `n × d'` (row `j` is the value of key `j`).
    ///   - workspace: reusable buffers (see ``AttentionWorkspace``).
    /// - Returns: `O`, `M × d'`.
    /// - Throws: ``AttentionError`` when the shapes do not fit or `n = 0`.
    public func attend(
        queries: Matrix, keys: Matrix, values: Matrix, workspace: inout AttentionWorkspace
    ) throws(AttentionError) -> Matrix {
        guard keys.rows >= 1 else { throw .noTokens }
        guard queries.columns == keys.columns else {
            throw .shapeMismatch("queries have \(queries.columns) columns, keys \(keys.columns)")
        }
        guard values.rows == keys.rows else {
            throw .shapeMismatch("\(keys.rows) keys but \(values.rows) value rows")
        }
        var output = Matrix(rows: queries.rows, columns: values.columns)
        if queries.rows == 0 || values.columns == 0 { return output }
        queries.storage.withUnsafeBufferPointer { q in
            keys.storage.withUnsafeBufferPointer { k in
                values.storage.withUnsafeBufferPointer { w in
                    output.storage.withUnsafeMutableBufferPointer { o in
                        guard let qBase = q.baseAddress, let kBase = k.baseAddress,
                            let wBase = w.baseAddress, let oBase = o.baseAddress
                        else { return }
                        attendOperands(
                            AttentionOperands(
                                queries: qBase, queryCount: queries.rows, keys: kBase,
                                keyCount: keys.rows, depth: keys.columns, values: wBase,
                                valueDimension: values.columns, output: oBase),
                            workspace: &workspace)
                    }
                }
            }
        }
        return output
    }

    /// Mean-field attention of the empirical measure of `Y`:
    /// `O_i = Σ_j softmax_j(y_jᵀ A x_i)·V y_j`, i.e. ``attend(queries:keys:values:workspace:)``
    /// with keys `Y·A` and values `Y·Vᵀ` (both by dgemm into the workspace).
    ///
    /// - Parameters:
    ///   - queries: `X`, `M × d`.
    ///   - tokens: `Y`, `n × d`, `n ≥ 1` (keys and values are the same tokens).
    ///   - bilinearForm: `A`, `d × d` (for `τ·⟨Qx, Ky⟩` take `A = τ·KᵀQ`).
    ///   - valueMap: `V`, `d' × d`, or `nil` for the identity (`d' = d`).
    ///   - workspace: reusable buffers.
    /// - Returns: `O`, `M × d'`.
    /// - Throws: ``AttentionError`` when the shapes do not fit or `n = 0`.
    public func attend(
        queries: Matrix, tokens: Matrix, bilinearForm: Matrix, valueMap: Matrix?,
        workspace: inout AttentionWorkspace
    ) throws(AttentionError) -> Matrix {
        let n = tokens.rows
        let d = tokens.columns
        guard n >= 1 else { throw .noTokens }
        guard bilinearForm.rows == d, bilinearForm.columns == d else {
            throw .shapeMismatch("A is \(bilinearForm.rows)×\(bilinearForm.columns), tokens have d = \(d)")
        }
        guard queries.columns == d else {
            throw .shapeMismatch("queries have \(queries.columns) columns, tokens \(d)")
        }
        if let valueMap, valueMap.columns != d {
            throw .shapeMismatch("V is \(valueMap.rows)×\(valueMap.columns), tokens have d = \(d)")
        }
        let valueDimension = valueMap?.rows ?? d
        var output = Matrix(rows: queries.rows, columns: valueDimension)
        if queries.rows == 0 || valueDimension == 0 || d == 0 { return output }
        AttentionWorkspace.reserve(&workspace.projectedKeys, n * d, filler: 0)
        if valueMap != nil {
            AttentionWorkspace.reserve(&workspace.projectedValues, n * valueDimension, filler: 0)
        }
        var keyBuffer = workspace.projectedKeys
        var valueBuffer = workspace.projectedValues
        workspace.projectedKeys = []
        workspace.projectedValues = []
        defer {
            workspace.projectedKeys = keyBuffer
            workspace.projectedValues = valueBuffer
        }
        tokens.storage.withUnsafeBufferPointer { y in
            bilinearForm.storage.withUnsafeBufferPointer { a in
                queries.storage.withUnsafeBufferPointer { q in
                    output.storage.withUnsafeMutableBufferPointer { o in
                        keyBuffer.withUnsafeMutableBufferPointer { kp in
                            valueBuffer.withUnsafeMutableBufferPointer { vp in
                                guard let yBase = y.baseAddress, let aBase = a.baseAddress,
                                    let qBase = q.baseAddress, let oBase = o.baseAddress,
                                    let kBase = kp.baseAddress
                                else { return }
                                // K = Y·A (n × d): row j is (Aᵀ y_j)ᵀ, so ⟨x_i, k_j⟩ = y_jᵀ A x_i.
                                BLAS.gemm(
                                    .none, .none, m: n, n: d, k: d, alpha: 1, a: yBase, lda: n,
                                    b: aBase, ldb: d, beta: 0, c: kBase, ldc: n)
                                var wBase = UnsafePointer(yBase)
                                if let valueMap, let vBase = vp.baseAddress {
                                    // W = Y·Vᵀ (n × d'): row j is (V y_j)ᵀ.
                                    valueMap.storage.withUnsafeBufferPointer { v in
                                        guard let mapBase = v.baseAddress else { return }
                                        BLAS.gemm(
                                            .none, .transpose, m: n, n: valueDimension, k: d,
                                            alpha: 1, a: yBase, lda: n, b: mapBase,
                                            ldb: valueDimension, beta: 0, c: vBase, ldc: n)
                                    }
                                    wBase = UnsafePointer(vBase)
                                }
                                attendOperands(
                                    AttentionOperands(
                                        queries: qBase, queryCount: queries.rows,
                                        keys: UnsafePointer(kBase), keyCount: n, depth: d,
                                        values: wBase, valueDimension: valueDimension,
                                        output: oBase),
                                    workspace: &workspace)
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}

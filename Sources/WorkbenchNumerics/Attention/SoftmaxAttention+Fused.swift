internal import CVectorExponential

extension SoftmaxAttention {
    /// The fused kernel is chosen automatically when both the depth `p` and the value dimension
    /// `d'` are at most this. Below it the fused kernel's products (fused multiply-adds on data
    /// in the first-level cache) beat two dgemm calls whose inner or outer dimension is that
    /// small; above it dgemm's register blocking wins. Measured with `workbench-bench attention`
    /// (AVX2, n = 4096, d' = d): fused/blocked 2.07/2.66 ns per score at d = 8, 3.13/3.19 at
    /// d = 12, 4.37/3.50 at d = 16.
    public static let fusedDepthLimit = 12

    /// Whether softmax mode runs the fused kernel for these operands (see ``Algorithm``).
    func usesFusedKernel(_ operands: AttentionOperands) -> Bool {
        guard normalization == .softmax else { return false }
        switch algorithm {
        case .blockedProducts: return false
        case .fused: return true
        case .automatic:
            return operands.depth <= Self.fusedDepthLimit && operands.valueDimension <= Self.fusedDepthLimit
        }
    }

    /// The kernel on raw operands: the fused small-depth kernel or the blocked one.
    func attendOperands(_ operands: AttentionOperands, workspace: inout AttentionWorkspace) {
        guard usesFusedKernel(operands) else {
            attendBlocked(operands, workspace: &workspace)
            return
        }
        let size = cvexp_fused_attention_workspace(
            operands.queryCount, operands.keyCount, operands.depth, operands.valueDimension)
        AttentionWorkspace.reserve(&workspace.fused, size, filler: 0)
        workspace.fused.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            cvexp_fused_attention(
                operands.queries, operands.queryCount, operands.keys, operands.keyCount, operands.depth,
                operands.values, operands.valueDimension, operands.output, base)
        }
    }
}

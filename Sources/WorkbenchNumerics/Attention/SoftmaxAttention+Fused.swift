internal import CVectorExponential

extension SoftmaxAttention {
    /// The algorithm that runs: hardmax always uses ``Algorithm/blockedProducts``.
    var resolvedAlgorithm: Algorithm { normalization == .softmax ? algorithm : .blockedProducts }

    /// The kernel on raw operands: the fused C kernel or the blocked one.
    func attendOperands(_ operands: AttentionOperands, workspace: inout AttentionWorkspace) {
        guard resolvedAlgorithm == .fused else {
            attendBlocked(operands, workspace: &workspace)
            return
        }
        let (q, n, p, dv) = (operands.queryCount, operands.keyCount, operands.depth, operands.valueDimension)
        AttentionWorkspace.reserve(&workspace.fused, cvexp_fused_attention_workspace(q, n, p, dv), filler: 0)
        workspace.fused.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            cvexp_fused_attention(operands.queries, q, operands.keys, n, p, operands.values, dv, operands.output, base)
        }
    }
}

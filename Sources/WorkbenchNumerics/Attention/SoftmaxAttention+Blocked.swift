extension SoftmaxAttention {
    /// The blocked kernel on raw operands (see the type documentation for the algorithm).
    func attendBlocked(_ operands: AttentionOperands, workspace: inout AttentionWorkspace) {
        let queryBlock = min(queryBlockSize, operands.queryCount)
        let keyBlock = min(keyBlockSize, operands.keyCount)
        AttentionWorkspace.reserve(&workspace.scores, queryBlock * keyBlock, filler: 0)
        AttentionWorkspace.reserve(&workspace.runningMaximum, queryBlock, filler: 0)
        AttentionWorkspace.reserve(&workspace.runningSum, queryBlock, filler: 0)
        AttentionWorkspace.reserve(&workspace.rescale, queryBlock, filler: 0)
        AttentionWorkspace.reserve(&workspace.bestIndex, queryBlock, filler: 0)
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            workspace.runningMaximum.withUnsafeMutableBufferPointer { maxima in
                workspace.runningSum.withUnsafeMutableBufferPointer { sums in
                    workspace.rescale.withUnsafeMutableBufferPointer { rescale in
                        workspace.bestIndex.withUnsafeMutableBufferPointer { best in
                            guard let s = scores.baseAddress, let m = maxima.baseAddress,
                                let l = sums.baseAddress, let r = rescale.baseAddress,
                                let b = best.baseAddress
                            else { return }
                            var queryStart = 0
                            while queryStart < operands.queryCount {
                                let count = min(queryBlock, operands.queryCount - queryStart)
                                switch normalization {
                                case .softmax:
                                    softmaxBlock(
                                        operands, queryStart: queryStart, queryCount: count,
                                        keyBlock: keyBlock, scores: s, maxima: m, sums: l,
                                        rescale: r)
                                case .hardmax:
                                    hardmaxBlock(
                                        operands, queryStart: queryStart, queryCount: count,
                                        keyBlock: keyBlock, scores: s, bestScore: m, bestIndex: b)
                                }
                                queryStart += count
                            }
                        }
                    }
                }
            }
        }
    }

    /// `Sᵀ = K[keyStart..<keyStart+keyCount]·X[queryStart..<queryStart+queryCount]ᵀ` into
    /// `scores` (`keyCount × queryCount`, leading dimension `keyCount`).
    @inline(__always)
    func scoreBlock(
        _ operands: AttentionOperands, queryStart: Int, queryCount: Int, keyStart: Int,
        keyCount: Int, scores: UnsafeMutablePointer<Double>
    ) {
        BLAS.gemm(
            .none, .transpose, m: keyCount, n: queryCount, k: operands.depth, alpha: 1,
            a: operands.keys + keyStart, lda: operands.keyCount,
            b: operands.queries + queryStart, ldb: operands.queryCount,
            beta: 0, c: scores, ldc: keyCount)
    }

    /// One block of queries, softmax, with the online update across key blocks.
    func softmaxBlock(
        _ operands: AttentionOperands, queryStart: Int, queryCount: Int, keyBlock: Int,
        scores: UnsafeMutablePointer<Double>, maxima: UnsafeMutablePointer<Double>,
        sums: UnsafeMutablePointer<Double>, rescale: UnsafeMutablePointer<Double>
    ) {
        let output = operands.output + queryStart
        let ldo = operands.queryCount
        var keyStart = 0
        while keyStart < operands.keyCount {
            let keyCount = min(keyBlock, operands.keyCount - keyStart)
            let first = keyStart == 0
            scoreBlock(
                operands, queryStart: queryStart, queryCount: queryCount, keyStart: keyStart,
                keyCount: keyCount, scores: scores)
            for c in 0..<queryCount {
                let column = scores + c * keyCount
                let blockMax = VectorExponential.maximum(column, count: keyCount)
                let newMax = first ? blockMax : max(maxima[c], blockMax)
                let blockSum = VectorExponential.exponentiateShiftedInPlace(
                    column, count: keyCount, shift: newMax)
                if first {
                    sums[c] = blockSum
                } else {
                    let factor = VectorExponential.exp(maxima[c] - newMax)
                    rescale[c] = factor
                    sums[c] = sums[c] * factor + blockSum
                }
                maxima[c] = newMax
            }
            if !first {
                for j in 0..<operands.valueDimension {
                    let column = output + j * ldo
                    for c in 0..<queryCount { column[c] *= rescale[c] }
                }
            }
            // O_blk (+)= Pᵀ·W[keyStart..<keyStart+keyCount]
            BLAS.gemm(
                .transpose, .none, m: queryCount, n: operands.valueDimension, k: keyCount,
                alpha: 1, a: UnsafePointer(scores), lda: keyCount,
                b: operands.values + keyStart, ldb: operands.keyCount,
                beta: first ? 0 : 1, c: output, ldc: ldo)
            keyStart += keyCount
        }
        for c in 0..<queryCount { rescale[c] = 1 / sums[c] }
        for j in 0..<operands.valueDimension {
            let column = output + j * ldo
            for c in 0..<queryCount { column[c] *= rescale[c] }
        }
    }

    /// One block of queries, hardmax: the first maximal score wins, across key blocks.
    func hardmaxBlock(
        _ operands: AttentionOperands, queryStart: Int, queryCount: Int, keyBlock: Int,
        scores: UnsafeMutablePointer<Double>, bestScore: UnsafeMutablePointer<Double>,
        bestIndex: UnsafeMutablePointer<Int>
    ) {
        for c in 0..<queryCount {
            bestScore[c] = -.infinity
            bestIndex[c] = 0
        }
        var keyStart = 0
        while keyStart < operands.keyCount {
            let keyCount = min(keyBlock, operands.keyCount - keyStart)
            scoreBlock(
                operands, queryStart: queryStart, queryCount: queryCount, keyStart: keyStart,
                keyCount: keyCount, scores: scores)
            for c in 0..<queryCount {
                let column = scores + c * keyCount
                for j in 0..<keyCount where column[j] > bestScore[c] {
                    bestScore[c] = column[j]
                    bestIndex[c] = keyStart + j
                }
            }
            keyStart += keyCount
        }
        let ldo = operands.queryCount
        for j in 0..<operands.valueDimension {
            let source = operands.values + j * operands.keyCount
            let column = operands.output + queryStart + j * ldo
            for c in 0..<queryCount { column[c] = source[bestIndex[c]] }
        }
    }

    /// Runs exactly the dgemm calls of ``attendBlocked(_:workspace:)`` (softmax mode) on the same
    /// shapes, skipping the max/exp/sum passes and the rescaling: the reference time for the
    /// kernel's overhead over its matrix products.
    func matrixProductsOnly(_ operands: AttentionOperands, workspace: inout AttentionWorkspace) {
        let queryBlock = min(queryBlockSize, operands.queryCount)
        let keyBlock = min(keyBlockSize, operands.keyCount)
        AttentionWorkspace.reserve(&workspace.scores, queryBlock * keyBlock, filler: 0)
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            guard let s = scores.baseAddress else { return }
            var queryStart = 0
            while queryStart < operands.queryCount {
                let count = min(queryBlock, operands.queryCount - queryStart)
                var keyStart = 0
                while keyStart < operands.keyCount {
                    let keyCount = min(keyBlock, operands.keyCount - keyStart)
                    scoreBlock(
                        operands, queryStart: queryStart, queryCount: count, keyStart: keyStart,
                        keyCount: keyCount, scores: s)
                    BLAS.gemm(
                        .transpose, .none, m: count, n: operands.valueDimension, k: keyCount,
                        alpha: 1, a: UnsafePointer(s), lda: keyCount,
                        b: operands.values + keyStart, ldb: operands.keyCount,
                        beta: keyStart == 0 ? 0 : 1, c: operands.output + queryStart,
                        ldc: operands.queryCount)
                    keyStart += keyCount
                }
                queryStart += count
            }
        }
    }
}

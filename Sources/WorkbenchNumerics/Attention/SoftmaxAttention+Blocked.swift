internal import CVectorExponential

extension SoftmaxAttention {
    /// The leading dimension of a score block of `queryCount` rows: `queryCount` itself below 8
    /// (each row is then handled alone), otherwise the smallest odd multiple of 8 doubles (64
    /// bytes) at or above it, so that a row's entries in successive columns spread over all L1
    /// cache sets instead of sharing a few (as a power-of-two stride would).
    static func scoreLeadingDimension(_ queryCount: Int) -> Int {
        if queryCount < 8 { return queryCount }
        let lines = (queryCount + 7) / 8
        return 8 * (lines % 2 == 1 ? lines : lines + 1)
    }

    /// Extra doubles reserved in a buffer so that its data can start on a 64-byte boundary.
    static let alignmentSlack = 8

    /// The first 64-byte (cache-line) boundary at or after `pointer`: with the score block there
    /// and its leading dimension a multiple of 8 doubles, no eight-lane load of the softmax
    /// passes is split across two cache lines (split loads cost about 20 % here).
    static func cacheLineAligned(_ pointer: UnsafeMutablePointer<Double>) -> UnsafeMutablePointer<Double> {
        let address = UInt(bitPattern: pointer)
        let offset = Int((64 - address % 64) % 64) / MemoryLayout<Double>.stride
        return pointer + offset
    }

    /// The blocked kernel on raw operands (see the type documentation for the algorithm).
    func attendBlocked(_ operands: AttentionOperands, workspace: inout AttentionWorkspace) {
        let queryBlock = min(queryBlockSize, operands.queryCount)
        let keyBlock = min(keyBlockSize, operands.keyCount)
        let leading = Self.scoreLeadingDimension(queryBlock)
        AttentionWorkspace.reserve(&workspace.scores, leading * keyBlock + Self.alignmentSlack, filler: 0)
        AttentionWorkspace.reserve(&workspace.runningMaximum, queryBlock, filler: 0)
        AttentionWorkspace.reserve(&workspace.runningSum, queryBlock, filler: 0)
        AttentionWorkspace.reserve(&workspace.rescale, queryBlock, filler: 0)
        AttentionWorkspace.reserve(&workspace.bestIndex, queryBlock, filler: 0)
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            workspace.runningMaximum.withUnsafeMutableBufferPointer { maxima in
                workspace.runningSum.withUnsafeMutableBufferPointer { sums in
                    workspace.rescale.withUnsafeMutableBufferPointer { rescale in
                        workspace.bestIndex.withUnsafeMutableBufferPointer { best in
                            guard let s = scores.baseAddress.map(Self.cacheLineAligned), let m = maxima.baseAddress,
                                let l = sums.baseAddress, let r = rescale.baseAddress,
                                let b = best.baseAddress
                            else { return }
                            var queryStart = 0
                            while queryStart < operands.queryCount {
                                let count = min(queryBlock, operands.queryCount - queryStart)
                                let block = ScoreBlock(
                                    scores: s, leading: Self.scoreLeadingDimension(count),
                                    queryStart: queryStart, queryCount: count, keyBlock: keyBlock)
                                switch normalization {
                                case .softmax:
                                    softmaxBlock(operands, block, maxima: m, sums: l, rescale: r)
                                case .hardmax:
                                    hardmaxBlock(operands, block, bestScore: m, bestIndex: b)
                                }
                                queryStart += count
                            }
                        }
                    }
                }
            }
        }
    }

    /// One block of queries and the buffer of its scores: `S` is `queryCount × keyCount` with
    /// leading dimension `leading`, row `i` holding query `queryStart + i`'s scores.
    struct ScoreBlock {
        let scores: UnsafeMutablePointer<Double>
        let leading: Int
        let queryStart: Int
        let queryCount: Int
        let keyBlock: Int
    }

    /// `S = X[queryStart..<queryStart+queryCount]·K[keyStart..<keyStart+keyCount]ᵀ` into the
    /// block's buffer.
    @inline(__always)
    func scoreBlock(_ operands: AttentionOperands, _ block: ScoreBlock, keyStart: Int, keyCount: Int) {
        BLAS.gemm(
            .none, .transpose, m: block.queryCount, n: keyCount, k: operands.depth, alpha: 1,
            a: operands.queries + block.queryStart, lda: operands.queryCount,
            b: operands.keys + keyStart, ldb: operands.keyCount,
            beta: 0, c: block.scores, ldc: block.leading)
    }

    /// `O_blk (+)= P·W[keyStart..<keyStart+keyCount]` with `P` the exponentiated score block.
    @inline(__always)
    func weightedSum(_ operands: AttentionOperands, _ block: ScoreBlock, keyStart: Int, keyCount: Int) {
        BLAS.gemm(
            .none, .none, m: block.queryCount, n: operands.valueDimension, k: keyCount, alpha: 1,
            a: UnsafePointer(block.scores), lda: block.leading,
            b: operands.values + keyStart, ldb: operands.keyCount,
            beta: keyStart == 0 ? 0 : 1, c: operands.output + block.queryStart, ldc: operands.queryCount)
    }

    /// Multiplies row `i` of the block's output by `factors[i]`.
    @inline(__always)
    func scaleOutputRows(_ operands: AttentionOperands, _ block: ScoreBlock, by factors: UnsafePointer<Double>) {
        let output = operands.output + block.queryStart
        for j in 0..<operands.valueDimension {
            let column = output + j * operands.queryCount
            for c in 0..<block.queryCount { column[c] *= factors[c] }
        }
    }

    /// One block of queries, softmax, with the online update across key blocks (the softmax
    /// passes of a key block run in C, see `cvexp_softmax_block`).
    func softmaxBlock(
        _ operands: AttentionOperands, _ block: ScoreBlock, maxima: UnsafeMutablePointer<Double>,
        sums: UnsafeMutablePointer<Double>, rescale: UnsafeMutablePointer<Double>
    ) {
        var keyStart = 0
        while keyStart < operands.keyCount {
            let keyCount = min(block.keyBlock, operands.keyCount - keyStart)
            let first = keyStart == 0
            scoreBlock(operands, block, keyStart: keyStart, keyCount: keyCount)
            cvexp_softmax_block(
                block.scores, block.queryCount, block.leading, keyCount, maxima, sums, rescale, first ? 1 : 0)
            // Factors of exactly 1 (no new maximum in this key block) leave the rows unchanged.
            if !first && (0..<block.queryCount).contains(where: { rescale[$0] != 1 }) {
                scaleOutputRows(operands, block, by: rescale)
            }
            weightedSum(operands, block, keyStart: keyStart, keyCount: keyCount)
            keyStart += keyCount
        }
        for c in 0..<block.queryCount { rescale[c] = 1 / sums[c] }
        scaleOutputRows(operands, block, by: rescale)
    }

    /// One block of queries, hardmax: the first maximal score wins, across key blocks.
    func hardmaxBlock(
        _ operands: AttentionOperands, _ block: ScoreBlock, bestScore: UnsafeMutablePointer<Double>,
        bestIndex: UnsafeMutablePointer<Int>
    ) {
        for c in 0..<block.queryCount {
            bestScore[c] = -.infinity
            bestIndex[c] = 0
        }
        var keyStart = 0
        while keyStart < operands.keyCount {
            let keyCount = min(block.keyBlock, operands.keyCount - keyStart)
            scoreBlock(operands, block, keyStart: keyStart, keyCount: keyCount)
            bestIndex.withMemoryRebound(to: Int64.self, capacity: block.queryCount) { index in
                cvexp_argmax_block(
                    block.scores, block.queryCount, block.leading, keyCount, keyStart, bestScore, index)
            }
            keyStart += keyCount
        }
        let ldo = operands.queryCount
        for j in 0..<operands.valueDimension {
            let source = operands.values + j * operands.keyCount
            let column = operands.output + block.queryStart + j * ldo
            for c in 0..<block.queryCount { column[c] = source[bestIndex[c]] }
        }
    }

    /// Runs exactly the dgemm calls of ``attendBlocked(_:workspace:)`` (softmax mode) on the same
    /// shapes, skipping the softmax passes and the rescaling: the reference time for the kernel's
    /// overhead over its matrix products.
    func matrixProductsOnly(_ operands: AttentionOperands, workspace: inout AttentionWorkspace) {
        let queryBlock = min(queryBlockSize, operands.queryCount)
        let keyBlock = min(keyBlockSize, operands.keyCount)
        AttentionWorkspace.reserve(
            &workspace.scores, Self.scoreLeadingDimension(queryBlock) * keyBlock + Self.alignmentSlack, filler: 0)
        workspace.scores.withUnsafeMutableBufferPointer { scores in
            guard let s = scores.baseAddress.map(Self.cacheLineAligned) else { return }
            var queryStart = 0
            while queryStart < operands.queryCount {
                let count = min(queryBlock, operands.queryCount - queryStart)
                let block = ScoreBlock(
                    scores: s, leading: Self.scoreLeadingDimension(count), queryStart: queryStart,
                    queryCount: count, keyBlock: keyBlock)
                var keyStart = 0
                while keyStart < operands.keyCount {
                    let keyCount = min(keyBlock, operands.keyCount - keyStart)
                    scoreBlock(operands, block, keyStart: keyStart, keyCount: keyCount)
                    weightedSum(operands, block, keyStart: keyStart, keyCount: keyCount)
                    keyStart += keyCount
                }
                queryStart += count
            }
        }
    }
}

import WorkbenchNumerics

/// Several heads on the same input `X` (`d × n`), combined either by concatenation
/// (`concat_h f^h(X)`, BERT's `attention.self`: output token `i` is `(f^1_i; …; f^H_i)`) or by
/// the sum `Σ_h W_O^h f^h(X)` (GPT-2's `attn` with its output projection).
public struct MultiHeadAttention: Sendable {
    /// How head outputs are combined.
    public enum Combination: Sendable {
        /// Stack the head outputs (width `Σ_h d_v^h`).
        case concatenate
        /// `Σ_h W_O^h f^h`, one `d_out × d_v^h` matrix per head.
        case sum([Matrix])
    }

    public let heads: [AttentionHead]
    public let combination: Combination

    public init(heads: [AttentionHead], combination: Combination) {
        precondition(!heads.isEmpty, "multi-head attention needs a head")
        if case .sum(let outputs) = combination { precondition(outputs.count == heads.count) }
        self.heads = heads
        self.combination = combination
    }

    /// Output width.
    public var outputDimension: Int {
        switch combination {
        case .concatenate: return heads.reduce(0) { $0 + $1.outputDimension }
        case .sum(let outputs): return outputs[0].rows
        }
    }

    /// The same heads with the causal mask on or off.
    public func masked(_ causal: Bool) -> MultiHeadAttention {
        MultiHeadAttention(heads: heads.map { $0.masked(causal) }, combination: combination)
    }

    /// The forward pass at `X` and its derivatives.
    public func linearised(at tokens: Matrix) -> MultiHeadLinearisation {
        MultiHeadLinearisation(attention: self, heads: heads.map { $0.linearised(at: tokens) })
    }
}

/// ``MultiHeadAttention`` at one input: the heads' linearisations combined.
public struct MultiHeadLinearisation: Sendable, LinearOperator {
    public let attention: MultiHeadAttention
    public let heads: [HeadLinearisation]

    var tokenCount: Int { heads[0].tokenCount }
    public var rowCount: Int { attention.outputDimension * tokenCount }
    public var columnCount: Int { heads[0].head.inputDimension * tokenCount }

    /// The output, `d_out × n`.
    public var output: Matrix { combine(heads.map(\.output)) }

    /// Concatenates or projects and sums per-head outputs (`d_v^h × n` each).
    func combine(_ parts: [Matrix]) -> Matrix {
        let n = tokenCount
        switch attention.combination {
        case .concatenate:
            let width = attention.outputDimension
            var result = Matrix(rows: width, columns: n)
            var offset = 0
            for part in parts {
                for i in 0..<n {
                    for a in 0..<part.rows { result.storage[offset + a + i * width] = part.storage[a + i * part.rows] }
                }
                offset += part.rows
            }
            return result
        case .sum(let outputs):
            var result = Matrix(rows: attention.outputDimension, columns: n)
            for (projection, part) in zip(outputs, parts) { result.addProduct(projection, part) }
            return result
        }
    }

    /// Splits an output cotangent into per-head cotangents (`W_O^hᵀ Ȳ` for the sum).
    func split(_ cotangent: Matrix) -> [Matrix] {
        let n = tokenCount
        switch attention.combination {
        case .concatenate:
            let width = cotangent.rows
            var offset = 0
            return heads.map { head in
                let rows = head.head.outputDimension
                var part = Matrix(rows: rows, columns: n)
                for i in 0..<n {
                    for a in 0..<rows { part.storage[a + i * rows] = cotangent.storage[offset + a + i * width] }
                }
                offset += rows
                return part
            }
        case .sum(let outputs):
            return outputs.map { Matrix.product($0, cotangent, transposeA: .transpose) }
        }
    }

    /// `Df(X)[dX]`, `d_out × n`.
    public func jvp(_ direction: Matrix) -> Matrix { combine(heads.map { $0.jvp(direction) }) }

    /// `Df(X)ᵀ[Ȳ]`, `d × n`.
    public func vjp(_ cotangent: Matrix) -> Matrix {
        var result = Matrix(rows: heads[0].tokens.rows, columns: tokenCount)
        for (head, part) in zip(heads, split(cotangent)) {
            let contribution = head.vjp(part)
            for index in result.storage.indices { result.storage[index] += contribution.storage[index] }
        }
        return result
    }

    public func apply(_ vector: [Double]) -> [Double] {
        jvp(Matrix(rows: heads[0].tokens.rows, columns: tokenCount, columnMajor: vector)).storage
    }

    public func applyTransposed(_ vector: [Double]) -> [Double] {
        vjp(Matrix(rows: attention.outputDimension, columns: tokenCount, columnMajor: vector)).storage
    }
}

extension HeadLinearisation: LinearOperator {
    public var rowCount: Int { head.outputDimension * tokenCount }
    public var columnCount: Int { head.inputDimension * tokenCount }
    public func apply(_ vector: [Double]) -> [Double] {
        jvp(Matrix(rows: head.inputDimension, columns: tokenCount, columnMajor: vector)).storage
    }
    public func applyTransposed(_ vector: [Double]) -> [Double] {
        vjp(Matrix(rows: head.outputDimension, columns: tokenCount, columnMajor: vector)).storage
    }
}

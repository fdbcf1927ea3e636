import Foundation
import WorkbenchNumerics

/// BERT's `BertAttention` block: `Y = LN(X + W_O·SA(X) + b)` with the per-token LayerNorm
/// `LN(z) = γ ⊙ (z − mean z)/√(var z + ε) + β` (spec D1: the function the authors' real-data
/// runs differentiate). `SA` is a concatenating ``MultiHeadAttention``; `W_O` is `d × d`.
///
/// With `ŷ = (z − μ)/s` (`s = √(var z + ε)`) per token, the LayerNorm Jacobian is the symmetric
/// operator `dz ↦ γ ⊙ (dz − mean(dz) − ŷ·mean(ŷ ⊙ dz))/s`, so its adjoint applies the same map
/// to `γ ⊙ Ȳ`.
public struct PostLayerNormBlock: Sendable {
    public let attention: MultiHeadAttention
    public let outputProjection: Matrix
    public let outputBias: [Double]
    public let gain: [Double]
    public let shift: [Double]
    public let epsilon: Double

    public init(
        attention: MultiHeadAttention, outputProjection: Matrix, outputBias: [Double], gain: [Double],
        shift: [Double], epsilon: Double
    ) {
        self.attention = attention
        self.outputProjection = outputProjection
        self.outputBias = outputBias
        self.gain = gain
        self.shift = shift
        self.epsilon = epsilon
    }

    public func linearised(at tokens: Matrix) -> PostLayerNormLinearisation {
        PostLayerNormLinearisation(block: self, tokens: tokens)
    }
}

/// ``PostLayerNormBlock`` at one input.
public struct PostLayerNormLinearisation: Sendable, LinearOperator {
    public let block: PostLayerNormBlock
    public let inner: MultiHeadLinearisation
    /// `ŷ`, `d × n`.
    public let normalised: Matrix
    /// `s_i` per token.
    public let deviations: [Double]
    /// `Y`, `d × n`.
    public let output: Matrix

    init(block: PostLayerNormBlock, tokens: Matrix) {
        self.block = block
        inner = block.attention.linearised(at: tokens)
        var z = tokens
        z.addProduct(block.outputProjection, inner.output)
        let d = z.rows
        var deviations = [Double](repeating: 0, count: z.columns)
        var output = z
        for i in 0..<z.columns {
            var mean = 0.0
            for a in 0..<d {
                z.storage[a + i * d] += block.outputBias[a]
                mean += z.storage[a + i * d]
            }
            mean /= Double(d)
            var variance = 0.0
            for a in 0..<d { variance += (z.storage[a + i * d] - mean) * (z.storage[a + i * d] - mean) }
            let s = (variance / Double(d) + block.epsilon).squareRoot()
            deviations[i] = s
            for a in 0..<d {
                let y = (z.storage[a + i * d] - mean) / s
                z.storage[a + i * d] = y
                output.storage[a + i * d] = block.gain[a] * y + block.shift[a]
            }
        }
        normalised = z
        self.deviations = deviations
        self.output = output
    }

    public var rowCount: Int { normalised.rows * normalised.columns }
    public var columnCount: Int { rowCount }

    /// `dz ↦ (dz − mean(dz) − ŷ·mean(ŷ ⊙ dz))/s` per token (symmetric).
    func normalisationDerivative(_ m: Matrix) -> Matrix {
        let d = m.rows
        var result = m
        for i in 0..<m.columns {
            var mean = 0.0
            var projection = 0.0
            for a in 0..<d {
                mean += m.storage[a + i * d]
                projection += normalised.storage[a + i * d] * m.storage[a + i * d]
            }
            mean /= Double(d)
            projection /= Double(d)
            for a in 0..<d {
                result.storage[a + i * d] =
                    (m.storage[a + i * d] - mean - normalised.storage[a + i * d] * projection) / deviations[i]
            }
        }
        return result
    }

    public func jvp(_ direction: Matrix) -> Matrix {
        var z = direction
        z.addProduct(block.outputProjection, inner.jvp(direction))
        var result = normalisationDerivative(z)
        let d = result.rows
        for index in result.storage.indices { result.storage[index] *= block.gain[index % d] }
        return result
    }

    public func vjp(_ cotangent: Matrix) -> Matrix {
        var scaled = cotangent
        let d = scaled.rows
        for index in scaled.storage.indices { scaled.storage[index] *= block.gain[index % d] }
        let zBar = normalisationDerivative(scaled)
        var result = zBar
        let through = inner.vjp(Matrix.product(block.outputProjection, zBar, transposeA: .transpose))
        for index in result.storage.indices { result.storage[index] += through.storage[index] }
        return result
    }

    public func apply(_ vector: [Double]) -> [Double] {
        jvp(Matrix(rows: normalised.rows, columns: normalised.columns, columnMajor: vector)).storage
    }

    public func applyTransposed(_ vector: [Double]) -> [Double] {
        vjp(Matrix(rows: normalised.rows, columns: normalised.columns, columnMajor: vector)).storage
    }
}

import Foundation
import WorkbenchNumerics

/// A `nn.Linear` layer `y = W x + b`, with `W` kept as the `in × out` matrix `Wᵀ` (the file's
/// row-major `[out, in]` data read column-major).
struct LinearLayer: Sendable {
    /// `Wᵀ`, `in × out`.
    let weightTransposed: Matrix
    let bias: [Double]

    /// `W X + b 1ᵀ` for tokens as columns (`in × n` → `out × n`).
    func callAsFunction(_ x: Matrix) -> Matrix {
        var y = Matrix.product(weightTransposed, x, transposeA: .transpose)
        let out = y.rows
        for i in 0..<y.columns { for r in 0..<out { y.storage[r + i * out] += bias[r] } }
        return y
    }

    /// Rows `range` of `W` (output units), `|range| × in`.
    func rows(_ range: Range<Int>) -> Matrix {
        let input = weightTransposed.rows
        let slice = Array(weightTransposed.storage[(range.lowerBound * input)..<(range.upperBound * input)])
        return Matrix(rows: input, columns: range.count, columnMajor: slice).transposed
    }
}

/// A per-token LayerNorm `γ ⊙ (x − mean)/√(var + ε) + β`.
struct LayerNormalisation: Sendable {
    let gain: [Double]
    let shift: [Double]
    let epsilon: Double

    func callAsFunction(_ x: Matrix) -> Matrix {
        var y = x
        let d = x.rows
        for i in 0..<x.columns {
            var mean = 0.0
            for a in 0..<d { mean += x.storage[a + i * d] }
            mean /= Double(d)
            var variance = 0.0
            for a in 0..<d { variance += (x.storage[a + i * d] - mean) * (x.storage[a + i * d] - mean) }
            let s = (variance / Double(d) + epsilon).squareRoot()
            for a in 0..<d { y.storage[a + i * d] = gain[a] * (x.storage[a + i * d] - mean) / s + shift[a] }
        }
        return y
    }

    /// The radius `√d‖γ‖_∞ + ‖β‖` of a ball holding every output (spec C7).
    var radiusBound: Double {
        Double(gain.count).squareRoot() * (gain.map(abs).max() ?? 0) + BLAS.norm2(shift)
    }
}

/// One post-LN BERT layer.
struct EncoderLayer: Sendable {
    let query: LinearLayer
    let key: LinearLayer
    let value: LinearLayer
    let attentionOutput: LinearLayer
    let attentionNorm: LayerNormalisation
    let intermediate: LinearLayer
    let output: LinearLayer
    let outputNorm: LayerNormalisation
}

/// all-MiniLM-L6-v2 (BertModel: width 384, 6 layers, 12 heads of 32, GELU, LN ε = 1e−12) in
/// Double, from `model.safetensors` (F32 converted). Hidden states are `384 × n` (tokens as
/// columns).
public struct MiniLMModel: Sendable {
    public static let width = 384
    public static let layerCount = 6
    public static let headCount = 12
    public static let headWidth = 32
    public static let vocabularySize = 30522
    public static let maximumPositions = 512
    static let epsilon = 1e-12

    let words: Matrix
    let positions: Matrix
    let tokenTypes: Matrix
    let embeddingNorm: LayerNormalisation
    let layers: [EncoderLayer]

    /// Reads and checks every tensor (names and shapes of the HF BertModel).
    public init(file: SafetensorsFile) throws {
        let d = Self.width
        func matrix(_ name: String, rows: Int, columns: Int) throws -> Matrix {
            Matrix(rows: columns, columns: rows, columnMajor: try file.doubles(name, shape: [rows, columns]))
        }
        func vector(_ name: String, _ count: Int) throws -> [Double] { try file.doubles(name, shape: [count]) }
        func linear(_ prefix: String, input: Int, output: Int) throws -> LinearLayer {
            LinearLayer(
                weightTransposed: try matrix(prefix + ".weight", rows: output, columns: input),
                bias: try vector(prefix + ".bias", output))
        }
        func norm(_ prefix: String) throws -> LayerNormalisation {
            LayerNormalisation(
                gain: try vector(prefix + ".weight", d), shift: try vector(prefix + ".bias", d), epsilon: Self.epsilon)
        }
        words = try matrix("embeddings.word_embeddings.weight", rows: Self.vocabularySize, columns: d)
        positions = try matrix("embeddings.position_embeddings.weight", rows: Self.maximumPositions, columns: d)
        tokenTypes = try matrix("embeddings.token_type_embeddings.weight", rows: 2, columns: d)
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<Self.layerCount).map { l in
            let p = "encoder.layer.\(l)."
            return EncoderLayer(
                query: try linear(p + "attention.self.query", input: d, output: d),
                key: try linear(p + "attention.self.key", input: d, output: d),
                value: try linear(p + "attention.self.value", input: d, output: d),
                attentionOutput: try linear(p + "attention.output.dense", input: d, output: d),
                attentionNorm: try norm(p + "attention.output.LayerNorm"),
                intermediate: try linear(p + "intermediate.dense", input: d, output: 1536),
                output: try linear(p + "output.dense", input: 1536, output: d),
                outputNorm: try norm(p + "output.LayerNorm"))
        }
    }

    /// `LN(word + position + token_type[0])` for positions `0…n−1`, `384 × n`.
    public func embed(_ ids: [Int]) throws -> Matrix {
        guard ids.count <= Self.maximumPositions else {
            throw PretrainedError.weights("\(ids.count) tokens exceed the \(Self.maximumPositions) positions")
        }
        let d = Self.width
        var x = Matrix(rows: d, columns: ids.count)
        for (i, id) in ids.enumerated() {
            for a in 0..<d {
                x.storage[a + i * d] = words.storage[a + id * d] + positions.storage[a + i * d] + tokenTypes.storage[a]
            }
        }
        return embeddingNorm(x)
    }

    /// The attention heads of layer `l` (`A = W_k^hᵀ W_q^h/√32`, `c = W_k^hᵀ b_q^h/√32`, `V = W_v^h`).
    public func heads(layer l: Int, causal: Bool = false) -> [AttentionHead] {
        let layer = layers[l]
        let scale = 1 / Double(Self.headWidth).squareRoot()
        return (0..<Self.headCount).map { h in
            let range = (h * Self.headWidth)..<((h + 1) * Self.headWidth)
            let key = layer.key.rows(range)
            let bias = Array(layer.query.bias[range])
            let c = key.applied(to: bias, .transpose).map { $0 * scale }
            return AttentionHead(
                query: layer.query.rows(range), key: key, value: layer.value.rows(range), queryBias: c, scale: scale,
                causal: causal)
        }
    }

    /// The `attention.self` concatenation of layer `l` (the function differentiated).
    public func selfAttention(layer l: Int, causal: Bool = false) -> MultiHeadAttention {
        MultiHeadAttention(heads: heads(layer: l, causal: causal), combination: .concatenate)
    }

    /// The LayerNorm radius bound of the input of layer `l` (embedding LN for l = 0).
    public func inputRadiusBound(layer l: Int) -> Double {
        l == 0 ? embeddingNorm.radiusBound : layers[l - 1].outputNorm.radiusBound
    }

    /// Hidden states entering layers `0…upTo` (unmasked forward pass, no padding), `384 × n`
    /// each. Self-attention runs on the project's ``SoftmaxAttention`` kernel.
    public func layerInputs(_ ids: [Int], upTo last: Int) throws -> [Matrix] {
        var hidden = try embed(ids)
        var inputs = [hidden]
        for l in 0..<last {
            hidden = try self.layer(l, hidden)
            inputs.append(hidden)
        }
        return inputs
    }

    /// Hidden state after all six layers.
    public func encode(_ ids: [Int]) throws -> Matrix {
        var hidden = try embed(ids)
        for l in 0..<Self.layerCount { hidden = try layer(l, hidden) }
        return hidden
    }

    func layer(_ l: Int, _ x: Matrix) throws -> Matrix {
        let layer = layers[l]
        let n = x.columns
        let scale = 1 / Double(Self.headWidth).squareRoot()
        let q = layer.query(x)
        let k = layer.key(x)
        let v = layer.value(x)
        var context = Matrix(rows: Self.width, columns: n)
        var workspace = AttentionWorkspace()
        let kernel = SoftmaxAttention()
        for h in 0..<Self.headCount {
            let offset = h * Self.headWidth
            let slice = { (m: Matrix, factor: Double) in
                Matrix(rows: n, columns: Self.headWidth) { i, c in factor * m.storage[offset + c + i * Self.width] }
            }
            let out = try kernel.attend(
                queries: slice(q, scale), keys: slice(k, 1), values: slice(v, 1), workspace: &workspace)
            for i in 0..<n { for c in 0..<Self.headWidth { context.storage[offset + c + i * Self.width] = out[i, c] } }
        }
        let attended = layer.attentionNorm(x + layer.attentionOutput(context))
        var hidden = layer.intermediate(attended)
        for index in hidden.storage.indices {
            let z = hidden.storage[index]
            hidden.storage[index] = 0.5 * z * (1 + erf(z / 2.0.squareRoot()))
        }
        return layer.outputNorm(attended + layer.output(hidden))
    }

    /// Mean-pooled, normalised sentence embedding (sentence-transformers' pooling).
    public func sentenceEmbedding(_ ids: [Int]) throws -> [Double] {
        let hidden = try encode(ids)
        var mean = [Double](repeating: 0, count: Self.width)
        for i in 0..<hidden.columns { for a in 0..<Self.width { mean[a] += hidden[a, i] / Double(hidden.columns) } }
        let norm = BLAS.norm2(mean)
        return mean.map { $0 / norm }
    }
}

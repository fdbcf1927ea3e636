/// The reference's parameter layout for a network with widths `[n_0, …, n_q]`: the weight
/// matrices `U_l ∈ ℝ^{n_{l−1}×n_l}` (`l = 1…q`, `U_1` the output layer) stored row-major and
/// concatenated, then the hidden biases `b_l ∈ ℝ^{n_l}` (`l = 1…q−1`) when present.
public struct ParameterLayout: Sendable {
    /// `[n_0, …, n_q]`.
    public let widths: [Int]
    /// Whether hidden biases follow the weights.
    public let hasBias: Bool
    private let weightOffsets: [Int]
    private let biasOffsets: [Int]

    public init(widths: [Int], hasBias: Bool) {
        self.widths = widths
        self.hasBias = hasBias
        var offsets = [Int]()
        var next = 0
        for layer in 1..<widths.count {
            offsets.append(next)
            next += widths[layer - 1] * widths[layer]
        }
        weightOffsets = offsets
        var biases = [Int]()
        for layer in 1..<(widths.count - 1) {
            biases.append(next)
            next += hasBias ? widths[layer] : 0
        }
        biasOffsets = biases
        parameterCount = next
    }

    /// `D`.
    public let parameterCount: Int
    /// Number of weight layers `q`.
    public var depth: Int { widths.count - 1 }

    /// Index of `U_layer[row, column]` (`layer` in `1…q`).
    public func weight(_ layer: Int, _ row: Int, _ column: Int) -> Int {
        weightOffsets[layer - 1] + row * widths[layer] + column
    }

    /// Index of `b_layer[unit]` (`layer` in `1…q−1`; only when ``hasBias``).
    public func bias(_ layer: Int, _ unit: Int) -> Int { biasOffsets[layer - 1] + unit }

    /// Every path `(j_0, …, j_q)` with `j_l < n_l`, in lexicographic order.
    public func paths(through layers: Int? = nil) -> [[Int]] {
        let last = layers ?? depth
        var result: [[Int]] = [[]]
        for layer in 0...last {
            result = result.flatMap { prefix in (0..<widths[layer]).map { prefix + [$0] } }
        }
        return result
    }

    /// The variables `U_l[j_{l−1}, j_l]`, `l = 1…path.count−1`, along a (partial) path from the output.
    public func weightsAlong(_ path: [Int]) -> [Int] {
        (1..<path.count).map { weight($0, path[$0 - 1], path[$0]) }
    }
}

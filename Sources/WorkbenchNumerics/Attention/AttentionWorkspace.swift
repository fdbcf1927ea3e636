/// Reusable buffers for ``SoftmaxAttention``: the score block and per-query running statistics,
/// plus the projected keys and values of the bilinear form.
///
/// Buffers only grow, so a workspace kept across calls of similar sizes makes the kernel
/// allocation-free after the first call. A workspace is not shared between threads: give each
/// worker its own.
public struct AttentionWorkspace: Sendable {
    /// Score block `S`, at least `leading × keyBlock` entries (see ``SoftmaxAttention``).
    var scores: [Double] = []
    /// Running row maxima `m_i` of the current query block.
    var runningMaximum: [Double] = []
    /// Running row sums `ℓ_i` of the current query block.
    var runningSum: [Double] = []
    /// Per-query factors `e^{m_old − m_new}` of the online-softmax update.
    var rescale: [Double] = []
    /// Hardmax: index of the best key so far for each query of the block.
    var bestIndex: [Int] = []
    /// The fused kernel's packed keys, values and queries, running state and weights.
    var fused: [Double] = []
    /// Projected keys `Y·A` (`n × d`) for the bilinear entry point.
    var projectedKeys: [Double] = []
    /// Projected values `Y·Vᵀ` (`n × d'`) for the bilinear entry point.
    var projectedValues: [Double] = []

    public init() {}

    /// Grows `buffer` to at least `count` entries (never shrinks, so reuse does not allocate).
    static func reserve<T>(_ buffer: inout [T], _ count: Int, filler: T) {
        if buffer.count < count {
            buffer = [T](repeating: filler, count: count)
        }
    }
}

/// Raw operands of one blocked attention call. All arrays are column-major with tokens as rows
/// and leading dimension equal to their row count: queries `M × p`, keys `n × p`, values
/// `n × d'`, output `M × d'`.
struct AttentionOperands {
    let queries: UnsafePointer<Double>
    let queryCount: Int
    let keys: UnsafePointer<Double>
    let keyCount: Int
    /// Inner dimension `p` of the scores `⟨x_i, k_j⟩`.
    let depth: Int
    let values: UnsafePointer<Double>
    let valueDimension: Int
    let output: UnsafeMutablePointer<Double>
}

/// A forward process together with its time window `[ε, T]`: the reverse samplers start at the
/// horizon `T` and stop at the truncation time `ε > 0`, and the reference law is `p_ε`.
struct DiffusionSetting: Sendable, Equatable {
    /// The process.
    let process: ForwardProcess
    /// The horizon `T` (start of the reverse time grid).
    let horizon: Double
    /// The truncation time `ε` (end of the reverse time grid), `0 < ε < T`.
    let truncation: Double
}

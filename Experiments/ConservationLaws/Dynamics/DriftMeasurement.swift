/// What one discrete trajectory did to the laws and to a non-law, each as the maximum over the
/// trajectory of the deviation from the initial value.
struct DriftMeasurement: Sendable {
    /// Steps taken.
    var steps = 0
    /// `max_t max_law |h(θ_t) − h(θ_0)|`.
    var lawDrift = 0.0
    /// `max_law |h(θ_0)|`, the scale of the relative drift.
    var lawScale = 0.0
    /// `max_t |h̃(θ_t) − h̃(θ_0)|` for the non-law `h̃` (‖U‖_F² for the linear net, the
    /// off-diagonal entries of `UᵀU − VᵀV − bbᵀ` for ReLU).
    var nonlawDrift = 0.0
    /// `max_k max_law |Δh_k − η²(G_UᵀG_U − G_VᵀG_V − g_bg_bᵀ)|`: the exact one-step identity's error.
    var identityError = 0.0
    /// `max_t max_law |h(θ_t)|`.
    var largestLaw = 0.0
    /// `η² Σ_k ‖G_k‖²`, the bound on the law drift.
    var driftBound = 0.0
    /// The running maxima `(t, law drift, non-law drift)` at the times ``checkpointFractions``
    /// of the horizon (step `k` is time `kη`).
    var checkpoints: [(time: Double, law: Double, nonlaw: Double)] = []
    /// The fractions of the horizon `T` at which ``checkpoints`` are taken.
    static let checkpointFractions = [0.05, 0.1, 0.25, 0.5, 1]
    /// `E(θ_K)`.
    var finalLoss = Double.nan

    /// `lawDrift / lawScale`.
    var relativeLawDrift: Double { lawDrift / lawScale }
    /// `identityError / (1 + largestLaw)`.
    var scaledIdentityError: Double { identityError / (1 + largestLaw) }
    /// `lawDrift / driftBound` (≤ 1 by the identity).
    var boundRatio: Double { lawDrift / driftBound }
}

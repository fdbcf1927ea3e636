/// How the reverse chain is started.
enum ChainInitialization: String, Sendable, Equatable {
    /// `Y_0 ~ p_T` exactly, so only the discretisation error remains.
    case exact
    /// `Y_0 ~ N(0, I)` (VP) or `N(0, σ_T² I)` (VE): adds the initialisation error.
    case prior
}

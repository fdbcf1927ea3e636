import WorkbenchCore

/// How the reverse chain is started.
enum ChainInitialization: String, Sendable, Equatable {
    /// `Y_0 ~ p_T` exactly, so only the discretisation error remains.
    case exact
    /// `Y_0 ~ N(0, I)` (VP) or `N(0, σ_T² I)` (VE): adds the initialisation error.
    case prior

    /// The value of the text parameter `parameter`.
    ///
    /// - Throws: ``DiffusionDiscretizationError/malformedParameter(key:value:)`` for another word
    ///   (the declared choices prevent it).
    init(_ parameter: Parameter<String>, in parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        let text = parameters[parameter]
        guard let start = ChainInitialization(rawValue: text) else {
            throw .malformedParameter(key: parameter.key, value: text)
        }
        self = start
    }
}

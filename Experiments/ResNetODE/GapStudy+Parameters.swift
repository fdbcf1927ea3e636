import WorkbenchCore

extension GapStudy {
    private typealias Declared = ResNetODEExperiment

    /// The parameters the `gap` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] = [
        Declared.dimension, Declared.hidden, Declared.batch, Declared.depths, Declared.residuals,
        Declared.weightSchemes, Declared.weightScale, Declared.modes, Declared.odeSubsteps,
        Declared.limitSteps, Declared.fitMinDepth, Declared.heunConvention,
    ]

    /// The study a run's parameters describe (the declared constraints guarantee that every
    /// word parses; an unknown one is dropped).
    init(_ parameters: ParameterSet) {
        self.init(
            dimension: parameters[Declared.dimension], hidden: parameters[Declared.hidden],
            batch: parameters[Declared.batch], depths: parameters[Declared.depths].sorted(),
            residuals: parameters[Declared.residuals].compactMap(ResidualKind.init(rawValue:)),
            schemes: parameters[Declared.weightSchemes].compactMap(WeightScheme.init(rawValue:)),
            weightScale: parameters[Declared.weightScale], modes: parameters[Declared.modes],
            odeSubsteps: parameters[Declared.odeSubsteps], limitSteps: parameters[Declared.limitSteps],
            fitMinDepth: parameters[Declared.fitMinDepth],
            heunConvention: HeunConvention(rawValue: parameters[Declared.heunConvention]) ?? .nodes)
    }
}

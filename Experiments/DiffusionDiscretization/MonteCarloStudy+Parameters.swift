import WorkbenchCore

extension MonteCarloStudy {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters the `monte-carlo` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] =
        ProcessConfiguration.selectionParameters + [
            Declared.mcSamples, Declared.mcDimensions, Declared.mcStepCounts, Declared.mcEtas, Declared.mcMeanScale,
            Declared.mcGrid, Declared.initialization,
        ]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        self.init(
            processes: try ProcessConfiguration.selected(parameters), sampleCount: parameters[Declared.mcSamples],
            dimensions: parameters[Declared.mcDimensions], stepCounts: parameters[Declared.mcStepCounts],
            etas: parameters[Declared.mcEtas], meanScale: parameters[Declared.mcMeanScale],
            grid: try TimeGrid(Declared.mcGrid, in: parameters),
            initialization: try ChainInitialization(Declared.initialization, in: parameters))
    }
}

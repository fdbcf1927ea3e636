import WorkbenchCore

extension ConvergenceStudy {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters the `convergence` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] =
        ProcessConfiguration.selectionParameters + [
            Declared.spectra, Declared.dimension, Declared.meanScale, Declared.etas, Declared.grids,
            Declared.stepCounts, Declared.initialization,
        ]

    /// The study a run's parameters describe.
    ///
    /// - Throws: ``DiffusionDiscretizationError`` for a text that does not parse (the declared
    ///   constraints prevent it).
    init(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        self.init(
            processes: try ProcessConfiguration.selected(parameters),
            spectra: try SpectrumSpecification.list(Declared.spectra, in: parameters),
            dimension: parameters[Declared.dimension], meanScale: parameters[Declared.meanScale],
            etas: parameters[Declared.etas],
            grids: try TimeGrid.list(Declared.grids, in: parameters),
            stepCounts: parameters[Declared.stepCounts].sorted(),
            initialization: try ChainInitialization(Declared.initialization, in: parameters))
    }
}

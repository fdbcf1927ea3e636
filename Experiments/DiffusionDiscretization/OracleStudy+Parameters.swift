import WorkbenchCore

extension OracleStudy {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters the `oracles` part reads: exactly those ``init(_:)`` reads (the windows of
    /// all three processes, not `processes`).
    static let parameters: [any ParameterDeclaration] =
        ProcessConfiguration.windowParameters + [Declared.grids, Declared.stepCounts, Declared.etas]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        self.init(
            processes: ProcessConfiguration.all(parameters),
            grids: try TimeGrid.list(Declared.grids, in: parameters),
            stepCounts: parameters[Declared.stepCounts], etas: parameters[Declared.etas])
    }
}

import WorkbenchCore

extension KernelStudy {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters the `kernel` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] =
        ProcessConfiguration.selectionParameters + [Declared.grids, Declared.etas]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        self.init(
            processes: try ProcessConfiguration.selected(parameters),
            grids: try TimeGrid.list(Declared.grids, in: parameters),
            etas: parameters[Declared.etas])
    }
}

import WorkbenchCore

extension ExtensionStudy {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters the `extensions` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] =
        ProcessConfiguration.selectionParameters + [Declared.stepCounts, Declared.extensionGrid]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        self.init(
            processes: try ProcessConfiguration.selected(parameters),
            stepCounts: parameters[Declared.stepCounts].sorted(),
            grid: try TimeGrid(Declared.extensionGrid, in: parameters))
    }
}

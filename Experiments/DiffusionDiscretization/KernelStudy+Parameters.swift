import WorkbenchCore

extension KernelStudy {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters the `kernel` part reads: those ``init(_:)`` reads, less the λ scales —
    /// the kernel is tabulated on unscaled λ, so the processes' `lambdaScale` never enters it.
    static let parameters: [any ParameterDeclaration] =
        [Declared.processes]
        + ProcessConfiguration.windowParameters.filter {
            $0.spec.key != Declared.lambdaScale.key && $0.spec.key != Declared.veLambdaScale.key
        } + [Declared.grids, Declared.etas]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        self.init(
            processes: try ProcessConfiguration.selected(parameters),
            grids: try TimeGrid.list(Declared.grids, in: parameters),
            etas: parameters[Declared.etas])
    }
}

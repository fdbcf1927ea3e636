import WorkbenchCore

extension GeometrySweep {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters the `sweeps` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] =
        ProcessConfiguration.selectionParameters + [
            Declared.sweepAlphas, Declared.etaSweepDimension, Declared.sweepEtas, Declared.sweepGrids,
            Declared.sweepPowers, Declared.powerSweepEtas, Declared.powerSweepDimension, Declared.sweepStepCounts,
        ]

    /// The sweeps a run's parameters describe.
    init(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        self.init(
            processes: try ProcessConfiguration.selected(parameters), alphas: parameters[Declared.sweepAlphas],
            etaSweepDimension: parameters[Declared.etaSweepDimension], etas: parameters[Declared.sweepEtas],
            grids: try TimeGrid.list(Declared.sweepGrids, in: parameters), powers: parameters[Declared.sweepPowers],
            powerSweepEtas: parameters[Declared.powerSweepEtas],
            powerSweepDimension: parameters[Declared.powerSweepDimension],
            stepCounts: parameters[Declared.sweepStepCounts])
    }
}

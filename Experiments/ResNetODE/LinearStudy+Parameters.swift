import WorkbenchCore

extension LinearStudy {
    private typealias Declared = ResNetODEExperiment

    /// The parameters the `linear` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] = [
        Declared.linDim, Declared.linDepth, Declared.linSteps, Declared.linEta, Declared.linDepths,
        Declared.linRefDepth, Declared.linIIDDepths, Declared.linIIDSteps,
    ]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) {
        self.init(
            dimension: parameters[Declared.linDim], depth: parameters[Declared.linDepth],
            steps: parameters[Declared.linSteps], eta: parameters[Declared.linEta],
            depths: parameters[Declared.linDepths].sorted(), referenceDepth: parameters[Declared.linRefDepth],
            iidDepths: parameters[Declared.linIIDDepths].sorted(), iidSteps: parameters[Declared.linIIDSteps])
    }
}

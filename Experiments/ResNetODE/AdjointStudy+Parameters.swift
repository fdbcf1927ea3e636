import WorkbenchCore

extension AdjointStudy {
    private typealias Declared = ResNetODEExperiment

    /// The parameters the `adjoint` part reads: exactly those ``init(_:)`` reads. It always uses
    /// the `nodes` Heun convention (N steps on θ_0…θ_N).
    static let parameters: [any ParameterDeclaration] = [
        Declared.dimension, Declared.hidden, Declared.batch, Declared.depths, Declared.adjointResiduals,
        Declared.adjointSchemes, Declared.weightScale, Declared.modes, Declared.fitMinDepth,
    ]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) {
        self.init(
            dimension: parameters[Declared.dimension], hidden: parameters[Declared.hidden],
            batch: parameters[Declared.batch], depths: parameters[Declared.depths].sorted(),
            residuals: parameters[Declared.adjointResiduals].compactMap(ResidualKind.init(rawValue:)),
            schemes: parameters[Declared.adjointSchemes].compactMap(WeightScheme.init(rawValue:)),
            weightScale: parameters[Declared.weightScale], modes: parameters[Declared.modes],
            fitMinDepth: parameters[Declared.fitMinDepth])
    }
}

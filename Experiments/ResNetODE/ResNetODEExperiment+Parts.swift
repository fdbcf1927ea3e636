import WorkbenchCore

extension ResNetODEExperiment {
    /// Every declared parameter, in the order `workbench list` shows them.
    static let parameterDeclarations: [any ParameterDeclaration] = GapStudy.parameters

    /// The work, in the order it runs; `parts=` selects a subset. Each part builds its study
    /// from the parameters it declares and records every configuration as soon as it is computed.
    static let parts: [ExperimentPart] = [
        ExperimentPart(
            "gap",
            summary:
                "E1: Euler/Heun ResNet vs the piecewise-affine and depth-limit ODEs per (residual, weight scheme, N)",
            parameters: GapStudy.parameters, claims: gapClaims
        ) { context in try GapStudy(context.parameters).run(context) }
    ]
}

import WorkbenchCore

extension ResNetODEExperiment {
    /// Every declared parameter, in the order `workbench list` shows them.
    static let parameterDeclarations: [any ParameterDeclaration] =
        GapStudy.parameters + LinearStudy.parameters
        + [adjointResiduals, adjointSchemes] + MemoryStudy.parameters
        + [trainDepths, trainBatch, trainIters, trainLR, teacherScale, trainDim, trainHidden, trainSeeds]
        + [revDepths, revSchemes, revFitMaxDepth]

    /// The work, in the order it runs; `parts=` selects a subset. Each part builds its study
    /// from the parameters it declares and records every configuration as soon as it is computed.
    static let parts: [ExperimentPart] = [
        ExperimentPart(
            "gap",
            summary:
                "E1: Euler/Heun ResNet vs the piecewise-affine and depth-limit ODEs per (residual, weight scheme, N)",
            parameters: GapStudy.parameters, claims: gapClaims
        ) { context in try GapStudy(context.parameters).run(context) },
        ExperimentPart(
            "linear",
            summary:
                "E2 and Figure 2: gradient descent on a linear ResNet (lr η·N) — smoothness, rate to the depth limit, i.i.d.-init contrast",
            parameters: LinearStudy.parameters, claims: linearClaims
        ) { context in try LinearStudy(context.parameters).run(context) },
        ExperimentPart(
            "adjoint",
            summary:
                "E3: memory-free adjoint (activations reconstructed by reverse steps) vs backprop, Euler and Heun",
            parameters: AdjointStudy.parameters, claims: adjointClaims
        ) { context in try AdjointStudy(context.parameters).run(context) },
        ExperimentPart(
            "memory", summary: "E4: activation memory of backprop and adjoint against depth, tracked and closed form",
            parameters: MemoryStudy.parameters, claims: memoryClaims
        ) { context in try MemoryStudy(context.parameters).run(context) },
        ExperimentPart(
            "train",
            summary:
                "E5: teacher–student training with backprop or adjoint, Euler and Heun — Heun needs fewer layers",
            parameters: TrainingStudy.parameters, claims: trainClaims
        ) { context in try TrainingStudy(context.parameters).run(context) },
        ExperimentPart(
            "reversible",
            summary:
                "beyond the paper (spec §7.2): midpoint, RK3 and RK4 ResNets with exact reverse passes — reconstruction rates and the cost–accuracy frontier",
            parameters: ReversibleStudy.parameters, claims: reversibleClaims
        ) { context in try ReversibleStudy(context.parameters).run(context) },
    ]
}

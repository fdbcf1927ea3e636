import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// The three parts, in the order they run. Each reads only its own parameters and records
    /// every configuration's points as soon as they are computed.
    static var parts: [ExperimentPart] {
        [
            ExperimentPart(
                "uniform", summary: "E1: sup error on a ball of radius R, rate n^-1/2 and constant C(R)",
                parameters: UniformConvergenceStudy.parameters, claims: uniformClaims,
                run: { try UniformConvergenceStudy($0.parameters).run($0) }),
            ExperimentPart(
                "moments",
                summary: "E2: rates of the mean and covariance of the transformed tokens by horizon H, bias share",
                parameters: MomentConvergenceStudy.parameters, claims: momentClaims + extensionClaims,
                run: { try MomentConvergenceStudy($0.parameters).run($0) }),
            ExperimentPart(
                "hardmax",
                summary: "E3: annealed temperature κ ln n, hardmax on the sphere, Gaussian extremes",
                parameters: hardmaxParameters, claims: hardmaxClaims, run: runHardmax),
        ]
    }

    /// The parameters of the `hardmax` part: those of its three studies.
    static var hardmaxParameters: [any ParameterDeclaration] {
        AnnealedHardmaxStudy.parameters + SphereHardmaxStudy.parameters + GaussianExtremeStudy.parameters
    }

    /// Part `hardmax`: the annealed, sphere and Gaussian-extreme studies, one after the other.
    @Sendable static func runHardmax(_ context: RunContext) throws {
        context.progress("annealed temperature", fraction: 0)
        try AnnealedHardmaxStudy(context.parameters).run(context)
        context.progress("sphere", fraction: 1.0 / 3)
        try SphereHardmaxStudy(context.parameters).run(context)
        context.progress("Gaussian extremes", fraction: 2.0 / 3)
        try GaussianExtremeStudy(context.parameters).run(context)
    }
}

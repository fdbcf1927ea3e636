import WorkbenchCore

extension DiffusionDiscretizationExperiment {
    /// The work, in the order it runs — the checks of the machinery (Monte Carlo, exactness
    /// oracles) first, then the science, so the claims read A1 … A7; `parts=` selects a subset
    /// (the report keeps its own section order). Each part builds its study from
    /// the parameters it declares (the study's `parameters`, read by its `init(_:)`), records
    /// every configuration as soon as it is computed and shares nothing with the others: the
    /// spectra read from files are recorded by `convergence`, the only part that reads `spectra`.
    static let parts: [ExperimentPart] = [
        ExperimentPart(
            "monte-carlo", summary: "Monte Carlo chains in a rotated basis against the exact recursion",
            parameters: MonteCarloStudy.parameters, claims: monteCarloClaims
        ) { context in try MonteCarloStudy(context.parameters).run(context) },
        ExperimentPart(
            "oracles", summary: "exactness identities of the recursion and of the Bures W2 for all three processes",
            parameters: OracleStudy.parameters, claims: oracleClaims
        ) { context in try OracleStudy(context.parameters).run(context) },
        ExperimentPart(
            "convergence",
            summary:
                "E1: exact W2 and weak error vs K against 𝓔/K per (process, spectrum, grid, η); records file spectra",
            parameters: ConvergenceStudy.parameters, claims: convergenceClaims
        ) { context in try ConvergenceStudy(context.parameters).run(context) },
        ExperimentPart(
            "kernel", summary: "E2: the per-eigenvalue constants C(λ) and kernel κ(λ) per (process, grid, η)",
            parameters: KernelStudy.parameters
        ) { context in try KernelStudy(context.parameters).run(context) },
        ExperimentPart(
            "sweeps", summary: "E3, E4: the best η per spectrum and the best power-grid exponent per (spectrum, η)",
            parameters: GeometrySweep.parameters, claims: sweepClaims
        ) { context in try GeometrySweep(context.parameters).run(context) },
        ExperimentPart(
            "extensions", summary: "beyond the paper: Heun (second order) and DDIM against Euler-ODE",
            parameters: ExtensionStudy.parameters, claims: extensionClaims
        ) { context in try ExtensionStudy(context.parameters).run(context) },
    ]
}

import WorkbenchCore

/// Geometry-aware discretization error of diffusion samplers (Hurault, Moreau, Peyré, 2026),
/// reproduced exactly for Gaussian data.
///
/// For data `N(μ, UΛUᵀ)` and the exact (affine) score, every Euler–Maruyama sampler of the
/// reverse family `dY = [−fY + ((1 + η²)/2)g²∇log p_t(Y)]ds + ηg dW` outputs an exactly
/// Gaussian law, computed by a per-eigenvalue recursion (``ExactSamplerRecursion``). Its
/// Fréchet distance `W2` to `p_ε` and weak `‖x‖²` error are compared with the first-order
/// predictions `𝓔/K` and `𝒲/K` (``FirstOrderQuadrature``), across forward processes
/// (`vp-linear`, `vp-cosine`, `ve-edm`), grids (`uniform`, `power:p`, `edm:r`), spectra and `η`.
/// A seeded Monte Carlo sampler cross-checks the recursion; sweeps find the best `η` and the
/// best power-grid exponent per spectrum; Heun and DDIM extend the study beyond the paper.
/// The work is split into the parts of ``parts``.
public struct DiffusionDiscretizationExperiment: Experiment {
    public init() {}

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "diffusion-discretization",
            title: "Geometry-aware discretization error of diffusion models",
            paper: PaperReference(
                authors: "S. Hurault, T. Moreau, G. Peyré",
                title: "Geometry-Aware Discretization Error of Diffusion Models",
                venue: "arXiv preprint, 2026", arxiv: "2605.08392"),
            summary: """
                Exact Euler–Maruyama Fréchet (W2) and weak errors for Gaussian data with the exact \
                score, computed by a per-eigenvalue recursion, against the first-order prediction \
                𝓔/K across spectra, schedules and the diffusion coefficient η; Monte Carlo \
                cross-check; η and power-grid optimisation; Heun and DDIM.
                """,
            parameters: Self.parameterDeclarations,
            presets: [Self.paperPreset],
            parts: Self.parts,
            metrics: Self.metricSpecs,
            defaultSeed: 42,
            rules: Self.rules)
    }

    public func report(_ results: RunResults) -> ReportContent {
        let selected = Set(descriptor.selectedParts(results.parameters).map(\.name))
        return DiffusionDiscretizationReport(results: results, parts: selected).content
    }
}

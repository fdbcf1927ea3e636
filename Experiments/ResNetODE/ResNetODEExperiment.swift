import WorkbenchCore

/// Do residual networks discretize neural ODEs? (Sander, Ablin, Peyré, NeurIPS 2022).
///
/// The ResNet `x_{n+1} = x_n + (1/N) f(x_n, θ_n)` is compared with the neural ODE
/// `ż = f(z, θ(t))` on `[0, 1]` across residual functions, weight families and depths `N`:
/// smooth weights `θ_n = Θ(n/N)` give an `O(1/N)` gap (Heun `O(1/N²)`), rough weights can keep
/// it `Θ(1)` (the paper's tightness statement). The work is split into the parts of ``parts``.
public struct ResNetODEExperiment: Experiment {
    public init() {}

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "resnet-ode",
            title: "Do residual neural networks discretize neural ODEs?",
            paper: PaperReference(
                authors: "M. E. Sander, P. Ablin, G. Peyré",
                title: "Do Residual Neural Networks discretize Neural Ordinary Differential Equations?",
                venue: "NeurIPS 2022", arxiv: "2205.14612"),
            summary: """
                ResNet x_{n+1} = x_n + f(x_n, θ_n)/N against its neural ODE: the gap vs depth N for \
                linear, tanh, ReLU and MLP residuals with smooth, i.i.d. and sign-alternating weights \
                (Euler O(1/N), Heun O(1/N²) for smooth weights; Θ(1) plateaus for rough ones), RK4 \
                references aligned to the nodes; linear-ResNet training (Figure 2); the memory-free \
                adjoint (Euler, Heun) against backprop; activation memory; teacher–student training; \
                beyond the paper, midpoint, RK3 and RK4 ResNets with exact reverse passes \
                (reconstruction rates and the cost–accuracy frontier).
                """,
            parameters: Self.parameterDeclarations,
            presets: [Self.paperPreset],
            parts: Self.parts,
            metrics: Self.metricSpecs,
            defaultSeed: 0)
    }

    public func report(_ results: RunResults) -> ReportContent {
        ResNetODEReport(results: results).content
    }
}

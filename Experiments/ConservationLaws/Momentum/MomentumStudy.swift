import WorkbenchCore
import WorkbenchNumerics

/// Part `momentum` (beyond the paper): the number of laws of the heavy-ball flow in phase space
/// for `momentumArchs`, next to the gradient-flow count, and RK4 on the linear gd model's
/// momentum flow (same data and initialization as `gd`, velocities `momentumVelocityScale·N(0,1)`).
struct MomentumStudy {
    typealias Experiment = ConservationLawsExperiment

    let architectures: [ArchitectureSpec]
    let tau: Double
    let pointCount: Int

    init(_ context: RunContext) throws {
        var listed = [ArchitectureSpec]()
        for text in context[Experiment.momentumArchs] { listed.append(try ArchitectureSpec(parsing: text)) }
        architectures = listed
        tau = context[Experiment.momentumTau]
        pointCount = context[Experiment.evalPoints]
    }

    func run(_ context: RunContext) throws {
        _ = try context.parallelMap(architectures.count + 1) { index in
            guard index < architectures.count else { return try runFlow(context) }
            let architecture = architectures[index]
            let arch = architecture.description
            var modelRandom = context.random("momentum", .label(arch), "model")
            let base = try FactorizedModel(architecture, random: &modelRandom)
            let gradientFlow = try ConservationLawCount.compute(
                base, settings: LieTraceSettings(), pointCount: pointCount
            ) {
                context.random("momentum", .label(arch), "gf", .of($0))
            }
            let phase = try MomentumPhaseSpace.model(base, tau: tau)
            let momentum = try ConservationLawCount.compute(phase, settings: LieTraceSettings(), pointCount: pointCount)
            {
                context.random("momentum", .label(arch), "mf", .of($0))
            }
            var values: [(String, Double)] = [
                ("n_laws_gf", Double(gradientFlow.lawCount)), ("n_laws_mf", Double(momentum.lawCount)),
                ("phase_dim", Double(phase.dimension)), ("dim_lie_mf", Double(momentum.lieDimension)),
                ("modp_float_agree", momentum.exactAndFloatAgree ? 1 : 0),
            ]
            if let known = momentum.knownLawCount {
                values.append(("n_explicit", Double(known)))
                values.append(("explicit_orthogonal", momentum.knownLawsOrthogonal ? 1 : 0))
            }
            try context.record(
                values.map { MetricPoint(MetricKey("momentum", .text("arch", arch), .name($0.0)), $0.1) })
        }
    }

    /// RK4 with step `momentumStep` up to `momentumHorizon` on the gd linear model.
    private func runFlow(_ context: RunContext) throws {
        let shape = context[Experiment.gdLinear]
        var initRandom = context.random("gd", "linear", "init")
        var dataRandom = context.random("gd", "linear", "data")
        var velocityRandom = context.random("momentum", "velocity")
        let start = TwoLayerNetwork(
            activation: .linear, outputs: shape[0], inputs: shape[1], width: shape[2], bias: false,
            scale: context[Experiment.gdInitScale], random: &initRandom)
        let data = RegressionData(outputs: shape[0], inputs: shape[1], samples: shape[3], random: &dataRandom)
        let velocity = TwoLayerNetwork(
            activation: .linear, outputs: shape[0], inputs: shape[1], width: shape[2], bias: false,
            scale: context[Experiment.momentumVelocityScale], random: &velocityRandom)
        let drift = MomentumFlow.run(
            from: start, velocity: velocity, data: data, tau: tau, step: context[Experiment.momentumStep],
            horizon: context[Experiment.momentumHorizon])
        try context.record([
            MetricPoint("momentum.rk4.antisym_drift_rel", drift.relativeAngularDrift),
            MetricPoint("momentum.rk4.gf_law_drift", drift.balanceDrift),
        ])
    }
}

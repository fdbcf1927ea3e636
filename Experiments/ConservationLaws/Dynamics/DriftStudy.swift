import WorkbenchCore
import WorkbenchNumerics

/// Part `gd`: gradient descent on the square loss with random data, for every step size `η` at
/// the fixed horizon `T`, on a linear and a ReLU (with biases) 2-layer net, plus RK4 on the
/// linear net's flow. Every run starts from the same initialization and data (streams
/// `("gd", model, "init" | "data")`) and is recorded as soon as it ends.
struct DriftStudy {
    typealias Experiment = ConservationLawsExperiment

    enum Task {
        case descent(TwoLayerNetwork.Activation, eta: Double)
        case rungeKutta(step: Double)
    }

    let tasks: [Task]
    let linearShape: [Int]
    let reluShape: [Int]
    let horizon: Double
    let initScale: Double

    init(_ context: RunContext) {
        let etas = context[Experiment.gdEtas]
        tasks =
            etas.map { .descent(.linear, eta: $0) } + etas.map { .descent(.relu, eta: $0) }
            + context[Experiment.gdRK4Steps].map { .rungeKutta(step: $0) }
        linearShape = context[Experiment.gdLinear]
        reluShape = context[Experiment.gdRelu]
        horizon = context[Experiment.gdHorizon]
        initScale = context[Experiment.gdInitScale]
    }

    func run(_ context: RunContext) throws {
        _ = try context.parallelMap(tasks.count) { index in
            switch tasks[index] {
            case .descent(let activation, let eta):
                let (start, data) = problem(activation, context: context)
                let drift = DiscreteFlows.gradientDescent(from: start, data: data, stepSize: eta, horizon: horizon)
                try Self.record(drift, model: activation.rawValue, x: eta, context: context)
            case .rungeKutta(let step):
                let (start, data) = problem(.linear, context: context)
                let drift = DiscreteFlows.rungeKutta(from: start, data: data, step: step, horizon: horizon)
                try context.record([
                    MetricPoint(DriftMetricKeys.rk4("law_drift_abs"), x: step, drift.lawDrift),
                    MetricPoint(DriftMetricKeys.rk4("final_loss"), x: step, drift.finalLoss),
                ])
            }
        }
    }

    /// The initialization and data of `activation`'s model (the same for every task).
    func problem(_ activation: TwoLayerNetwork.Activation, context: RunContext) -> (TwoLayerNetwork, RegressionData) {
        let shape = activation == .linear ? linearShape : reluShape
        var initRandom = context.random("gd", .label(activation.rawValue), "init")
        var dataRandom = context.random("gd", .label(activation.rawValue), "data")
        let start = TwoLayerNetwork(
            activation: activation, outputs: shape[0], inputs: shape[1], width: shape[2], bias: activation == .relu,
            scale: initScale, random: &initRandom)
        return (start, RegressionData(outputs: shape[0], inputs: shape[1], samples: shape[3], random: &dataRandom))
    }

    static func record(_ drift: DriftMeasurement, model: String, x eta: Double, context: RunContext) throws {
        let values: [(String, Double)] = [
            ("steps", Double(drift.steps)), ("law_drift_abs", drift.lawDrift),
            ("law_drift_rel", drift.relativeLawDrift),
            ("nonlaw_drift_abs", drift.nonlawDrift), ("identity_err_abs", drift.identityError),
            ("identity_err_scaled", drift.scaledIdentityError), ("bound_ratio", drift.boundRatio),
            ("final_loss", drift.finalLoss),
        ]
        var points = values.map { MetricPoint(DriftMetricKeys.descent(model, $0.0), x: eta, $0.1) }
        for checkpoint in drift.checkpoints {
            points.append(
                MetricPoint(
                    DriftMetricKeys.trajectory(model, eta: eta, "law_drift_t"), x: checkpoint.time, checkpoint.law))
            points.append(
                MetricPoint(
                    DriftMetricKeys.trajectory(model, eta: eta, "nonlaw_drift_t"), x: checkpoint.time, checkpoint.nonlaw
                ))
        }
        try context.record(points)
    }
}

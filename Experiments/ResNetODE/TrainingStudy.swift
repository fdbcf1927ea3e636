import WorkbenchCore
import WorkbenchNumerics

/// Experiment E5 (the `train` part): the teacher–student analog of the paper's image
/// experiment — Euler or Heun MLP ResNets trained by backprop or by the adjoint.
///
/// Teacher: `Y = z(1)` of `ż = W2(t) tanh(W1(t) z)` on a smooth path `Θ` of scale
/// `teacherScale` (stream `train/teacher`, RK4 with 512 steps), inputs `X, X_test ~ N(0, I)`
/// (d×B). Student: one `N(0, 1/d)` draw of `W1` at every node, `W2 = 0` (so `f ≡ 0` at init);
/// Adam on `‖X_N − Y‖²/(2B)`. The same data and init for all four (method, mode) configurations.
/// A run that diverges (loss non-finite or above 1e3 × its initial loss) stops and records
/// `train_loss = +∞`, `diverged = 1`.
///
/// Records `train.{method}.{mode}.{train_loss|test_loss|diverged}[N]`,
/// `train.{method}.{grad_rel_final|rec_final}[N]` (the adjoint's gradient and reconstruction
/// errors at the backprop-trained weights, the Figure-4 analog),
/// `train.{method}.adj_over_bp[N]` and `train.{method}.min_depth_ok` (the smallest N with
/// adj_over_bp ≤ 1.1 and no divergence, −1 if none).
struct TrainingStudy: Sendable {
    let depths: [Int]
    let batch: Int
    let iterations: Int
    let learningRate: Double
    let teacherScale: Double
    let dimension: Int
    let hidden: Int
    let modes: Int

    private typealias Declared = ResNetODEExperiment

    static let parameters: [any ParameterDeclaration] = [
        Declared.trainDepths, Declared.trainBatch, Declared.trainIters, Declared.trainLR, Declared.teacherScale,
        Declared.trainDim, Declared.trainHidden, Declared.modes,
    ]

    init(_ parameters: ParameterSet) {
        depths = parameters[Declared.trainDepths].sorted()
        batch = parameters[Declared.trainBatch]
        iterations = parameters[Declared.trainIters]
        learningRate = parameters[Declared.trainLR]
        teacherScale = parameters[Declared.teacherScale]
        dimension = parameters[Declared.trainDim]
        hidden = parameters[Declared.trainHidden]
        modes = parameters[Declared.modes]
    }

    /// `train.{method}[.{mode}].{name}`.
    static func key(_ method: IntegrationMethod, _ mode: String?, _ name: String) -> MetricKey {
        var segments: [MetricKey.Segment] = ["train", .text("method", method.rawValue)]
        if let mode { segments.append(.text("mode", mode)) }
        segments.append(.name(name))
        return MetricKey(segments: segments)
    }

    /// The outcome of one training run.
    struct Outcome: Sendable {
        var nodes: [LayerWeights]
        var trainLoss: Double
        var diverged: Bool
    }

    func run(_ context: RunContext) throws {
        let shapes = ResidualKind.mlp.groupShapes(dimension: dimension, hidden: hidden)
        var teacherGenerator = context.random("train", "teacher")
        let teacher = SmoothWeightPath(shapes: shapes, modes: modes, scale: teacherScale, using: &teacherGenerator)
        var dataGenerator = context.random("train", "data")
        let x = Matrix.gaussian(rows: dimension, columns: batch, using: &dataGenerator)
        let xTest = Matrix.gaussian(rows: dimension, columns: batch, using: &dataGenerator)
        let mlp = ResidualFunction(kind: .mlp)
        let y = ODEReference.limit(mlp, path: teacher, steps: 512, from: x)
        let yTest = ODEReference.limit(mlp, path: teacher, steps: 512, from: xTest)
        var studentGenerator = context.random("train", "student")
        let w1 = Matrix.gaussian(
            rows: hidden, columns: dimension, standardDeviation: 1 / Double(dimension).squareRoot(),
            using: &studentGenerator)
        let initial = LayerWeights(groups: [w1, Matrix(rows: dimension, columns: hidden)])
        let tasks = IntegrationMethod.allCases.flatMap { method in depths.reversed().map { (method, $0) } }
        let ratios = try context.parallelMap(tasks.count) { index in
            let (method, depth) = tasks[index]
            let start = Array(repeating: initial, count: depth + 1)
            let backprop = train(start, method, adjoint: false, x: x, y: y)
            let adjoint = train(start, method, adjoint: true, x: x, y: y)
            let n = Double(depth)
            var points = [MetricPoint]()
            for (mode, outcome) in [("backprop", backprop), ("adjoint", adjoint)] {
                let network = ResidualNetwork(residual: mlp, nodes: outcome.nodes)
                let test = ResidualNetwork.loss(network.output(xTest, method), target: yTest).value
                points += [
                    MetricPoint(Self.key(method, mode, "train_loss"), x: n, outcome.trainLoss),
                    MetricPoint(Self.key(method, mode, "test_loss"), x: n, outcome.diverged ? .infinity : test),
                    MetricPoint(Self.key(method, mode, "diverged"), x: n, outcome.diverged ? 1 : 0),
                ]
            }
            let trained = ResidualNetwork(residual: mlp, nodes: backprop.nodes)
            let exact = trained.backpropagation(x, target: y, method)
            let (approximate, reconstructed) = trained.adjoint(output: trained.output(x, method), target: y, method)
            let ratio = adjoint.trainLoss / backprop.trainLoss
            points += [
                MetricPoint(
                    Self.key(method, nil, "grad_rel_final"), x: n, approximate.weightError(against: exact).relative),
                MetricPoint(
                    Self.key(method, nil, "rec_final"), x: n, (reconstructed - x).frobeniusNorm / x.frobeniusNorm),
                MetricPoint(Self.key(method, nil, "adj_over_bp"), x: n, ratio),
            ]
            try context.record(points)
            context.progress("\(method.rawValue) N=\(depth)", fraction: Double(index + 1) / Double(tasks.count))
            return (method, depth, ratio, adjoint.diverged || backprop.diverged)
        }
        for method in IntegrationMethod.allCases {
            let ok = ratios.filter { $0.0 == method && !$0.3 && $0.2 <= 1.1 }.map(\.1).min()
            try context.record(Self.key(method, nil, "min_depth_ok"), Double(ok ?? -1))
        }
    }

    /// `iterations` Adam steps from `start` with backprop or adjoint gradients.
    func train(_ start: [LayerWeights], _ method: IntegrationMethod, adjoint: Bool, x: Matrix, y: Matrix) -> Outcome {
        var nodes = start
        var optimizer = AdamOptimizer(learningRate: learningRate, shapedLike: nodes)
        var initialLoss: Double?
        for _ in 0..<iterations {
            let network = ResidualNetwork(residual: ResidualFunction(kind: .mlp), nodes: nodes)
            let output = network.output(x, method)
            let loss = ResidualNetwork.loss(output, target: y).value
            let reference = initialLoss ?? loss
            initialLoss = reference
            if !loss.isFinite || loss > 1e3 * reference {
                return Outcome(nodes: nodes, trainLoss: .infinity, diverged: true)
            }
            let gradients =
                adjoint
                ? network.adjoint(output: output, target: y, method).gradients
                : network.backpropagation(x, target: y, method)
            optimizer.update(&nodes, gradients: gradients.weights)
        }
        let final = ResidualNetwork(residual: ResidualFunction(kind: .mlp), nodes: nodes)
        let loss = ResidualNetwork.loss(final.output(x, method), target: y).value
        let diverged = !loss.isFinite || loss > 1e3 * (initialLoss ?? loss)
        return Outcome(nodes: nodes, trainLoss: diverged ? .infinity : loss, diverged: diverged)
    }
}

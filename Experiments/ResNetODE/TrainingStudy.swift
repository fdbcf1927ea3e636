import WorkbenchCore
import WorkbenchNumerics

/// Experiment E5 (the `train` part): the teacher–student analog of the paper's image
/// experiment — Euler or Heun MLP ResNets trained by backprop or by the adjoint.
///
/// For each training seed `s` of `trainSeeds`: teacher `Y = z(1)` of `ż = W2(t) tanh(W1(t) z)` on
/// a smooth path `Θ` of scale `teacherScale` (stream `train/seed/s/teacher`, RK4 with 512 steps),
/// inputs `X, X_test ~ N(0, I)` (d×B, stream `train/seed/s/data`). Student: one `N(0, 1/d)` draw
/// of `W1` at every node (stream `train/seed/s/student`), `W2 = 0` (so `f ≡ 0` at init); Adam on
/// `‖X_N − Y‖²/(2B)`. The same data and init for all four (method, mode) configurations of a seed.
/// A run that diverges (loss non-finite or above 1e3 × its initial loss) stops and records
/// `train_loss = +∞`, `diverged = 1`.
///
/// Records, per seed, `train.seed{s}.{method}.{mode}.{train_loss|test_loss|diverged}[N]`,
/// `train.seed{s}.{method}.{grad_rel_final|rec_final}[N]` (the adjoint's gradient and
/// reconstruction errors at the backprop-trained weights, the Figure-4 analog),
/// `train.seed{s}.{method}.adj_over_bp[N]` and `train.seed{s}.{method}.min_depth_ok` (the smallest
/// N with adj_over_bp ≤ 1.1 and no divergence, −1 if none).
struct TrainingStudy: Sendable {
    let depths: [Int]
    let batch: Int
    let iterations: Int
    let learningRate: Double
    let teacherScale: Double
    let dimension: Int
    let hidden: Int
    let modes: Int
    /// The training seeds, each its own teacher, data and initialisation.
    let seeds: [Int]

    private typealias Declared = ResNetODEExperiment

    static let parameters: [any ParameterDeclaration] = [
        Declared.trainDepths, Declared.trainBatch, Declared.trainIters, Declared.trainLR, Declared.teacherScale,
        Declared.trainDim, Declared.trainHidden, Declared.modes, Declared.trainSeeds,
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
        seeds = parameters[Declared.trainSeeds]
    }

    /// `train.seed{seed}.{method}[.{mode}].{name}`.
    static func key(_ seed: Int, _ method: IntegrationMethod, _ mode: String?, _ name: String) -> MetricKey {
        var segments: [MetricKey.Segment] = ["train", .integer("seed", seed), .text("method", method.rawValue)]
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

    /// The teacher's data and the student's initial weights of one training seed.
    struct Problem: Sendable {
        let x: Matrix
        let y: Matrix
        let xTest: Matrix
        let yTest: Matrix
        let initial: LayerWeights
    }

    /// The problem of training seed `seed`.
    func problem(_ seed: Int, _ context: RunContext) -> Problem {
        let shapes = ResidualKind.mlp.groupShapes(dimension: dimension, hidden: hidden)
        var teacherGenerator = context.random("train", "seed", .of(seed), "teacher")
        let teacher = SmoothWeightPath(shapes: shapes, modes: modes, scale: teacherScale, using: &teacherGenerator)
        var dataGenerator = context.random("train", "seed", .of(seed), "data")
        let x = Matrix.gaussian(rows: dimension, columns: batch, using: &dataGenerator)
        let xTest = Matrix.gaussian(rows: dimension, columns: batch, using: &dataGenerator)
        let mlp = ResidualFunction(kind: .mlp)
        var studentGenerator = context.random("train", "seed", .of(seed), "student")
        let w1 = Matrix.gaussian(
            rows: hidden, columns: dimension, standardDeviation: 1 / Double(dimension).squareRoot(),
            using: &studentGenerator)
        return Problem(
            x: x, y: ODEReference.limit(mlp, path: teacher, steps: 512, from: x), xTest: xTest,
            yTest: ODEReference.limit(mlp, path: teacher, steps: 512, from: xTest),
            initial: LayerWeights(groups: [w1, Matrix(rows: dimension, columns: hidden)]))
    }

    func run(_ context: RunContext) throws {
        let problems = try context.parallelMap(seeds.count) { problem(seeds[$0], context) }
        // The smallest depth first (milliseconds of work, so a run records at once), then the
        // longest first for an even load.
        let order = depths.prefix(1) + depths.dropFirst().reversed()
        let tasks = seeds.indices.flatMap { seedIndex in
            IntegrationMethod.allCases.flatMap { method in order.map { (seedIndex, method, $0) } }
        }
        let ratios = try context.parallelMap(tasks.count) { index in
            let (seedIndex, method, depth) = tasks[index]
            let points = points(seeds[seedIndex], problems[seedIndex], method, depth)
            try context.record(points.points)
            context.progress(
                "seed \(seeds[seedIndex]) \(method.rawValue) N=\(depth)",
                fraction: Double(index + 1) / Double(tasks.count))
            return (seeds[seedIndex], method, depth, points.ratio, points.diverged)
        }
        for seed in seeds {
            for method in IntegrationMethod.allCases {
                let ok = ratios.filter { $0.0 == seed && $0.1 == method && !$0.4 && $0.3 <= 1.1 }.map(\.2).min()
                try context.record(Self.key(seed, method, nil, "min_depth_ok"), Double(ok ?? -1))
            }
        }
    }

    /// Trains one (seed, method, N) both ways and measures it.
    func points(_ seed: Int, _ problem: Problem, _ method: IntegrationMethod, _ depth: Int) -> (
        points: [MetricPoint], ratio: Double, diverged: Bool
    ) {
        let mlp = ResidualFunction(kind: .mlp)
        let start = Array(repeating: problem.initial, count: depth + 1)
        let backprop = train(start, method, adjoint: false, x: problem.x, y: problem.y)
        let adjoint = train(start, method, adjoint: true, x: problem.x, y: problem.y)
        let n = Double(depth)
        var points = [MetricPoint]()
        for (mode, outcome) in [("backprop", backprop), ("adjoint", adjoint)] {
            let network = ResidualNetwork(residual: mlp, nodes: outcome.nodes)
            let test = ResidualNetwork.loss(network.output(problem.xTest, method), target: problem.yTest).value
            points += [
                MetricPoint(Self.key(seed, method, mode, "train_loss"), x: n, outcome.trainLoss),
                MetricPoint(Self.key(seed, method, mode, "test_loss"), x: n, outcome.diverged ? .infinity : test),
                MetricPoint(Self.key(seed, method, mode, "diverged"), x: n, outcome.diverged ? 1 : 0),
            ]
        }
        let trained = ResidualNetwork(residual: mlp, nodes: backprop.nodes)
        let exact = trained.backpropagation(problem.x, target: problem.y, method)
        let (approximate, reconstructed) = trained.adjoint(
            output: trained.output(problem.x, method), target: problem.y, method)
        let ratio = adjoint.trainLoss / backprop.trainLoss
        points += [
            MetricPoint(
                Self.key(seed, method, nil, "grad_rel_final"), x: n, approximate.weightError(against: exact).relative),
            MetricPoint(
                Self.key(seed, method, nil, "rec_final"), x: n,
                (reconstructed - problem.x).frobeniusNorm / problem.x.frobeniusNorm),
            MetricPoint(Self.key(seed, method, nil, "adj_over_bp"), x: n, ratio),
        ]
        return (points, ratio, adjoint.diverged || backprop.diverged)
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

import WorkbenchCore
import WorkbenchNumerics

/// Experiment E2 and the paper's Figure 2 (the `linear` part): gradient descent on a linear
/// ResNet `Π = ∏(I + A_n/N)` from `A_n = 0`, with lr `η·N` and the mean loss `(1/d²)‖Π − B‖²`.
///
/// Records
/// - the Figure-2 run at depth `linDepth`: `lin.loss[k]` (before update k+1, k = 0…linSteps),
///   `lin.smoothness[k]` = `N·max_n‖A_{n+1} − A_n‖_F`, the scalars `lin.final_loss`,
///   `lin.first_step_below_1e-5` (−1 if never), `lin.smoothness_sup`, `lin.weight_sup`, and the
///   artifact `lin_weights.csv` (k, n, i, j, A_n[i,j] for k ∈ {1, 11, 33, 74, 85, 100});
/// - the rate to the depth limit: for each `N ∈ linDepths`, `lin.dist_limit[N]` =
///   `max_{k ≤ K} max_n ‖A^N_n(k) − A^ref(n/N, k)‖_F` (the reference interpolated linearly in t
///   when `n·N_ref/N` is not an integer), `lin.N_dist[N]`, `lin.ode_gap[N]` = `‖Π − T(1)‖_F`
///   after training (``LinearResidualNetwork/productIntegral(substeps:)``, 16 substeps), and the
///   slope `lin.dist_limit.slope`;
/// - the rough-initialisation contrast: `A_n(0)` i.i.d. N(0, 1) entries, `linIIDSteps` steps,
///   `lin.iid.smoothness_over_N[N]` = `sup_k max_n‖A_{n+1} − A_n‖_F` and `lin.iid.final_loss[N]`.
struct LinearStudy: Sendable {
    let dimension: Int
    let depth: Int
    let steps: Int
    let eta: Double
    let depths: [Int]
    let referenceDepth: Int
    let iidDepths: [Int]
    let iidSteps: Int

    /// The Figure-2 target (spec §5.1): `I + randn(2, 2)` with the authors' seed 6.
    static let figureTwoTarget = Matrix(rowMajor: [[-0.8743986, -0.99366325], [0.71846724, 0.30154616]])

    /// The steps whose weights go into `lin_weights.csv` (those of the repository figure and 1, 33).
    static let savedSteps = [1, 11, 33, 74, 85, 100]

    /// `B`: the hard-coded Figure-2 target for d = 2, else `I + 0.5·G/√d` from the stream
    /// `(seed, linear, target)`.
    func target(_ context: RunContext) -> Matrix {
        if dimension == 2 { return Self.figureTwoTarget }
        var generator = context.random("linear", "target")
        let g = Matrix.gaussian(
            rows: dimension, columns: dimension, standardDeviation: 0.5 / Double(dimension).squareRoot(),
            using: &generator)
        return .identity(dimension) + g
    }

    func run(_ context: RunContext) throws {
        let target = target(context)
        try runFigureTwo(target, context)
        try runRate(target, context)
        try runRoughInitialisation(target, context)
    }

    /// A zero-initialised network of depth `n`.
    func zeroNetwork(_ n: Int, _ target: Matrix) -> LinearResidualNetwork {
        LinearResidualNetwork(
            weights: Array(repeating: Matrix(rows: dimension, columns: dimension), count: n), target: target)
    }

    /// The Figure-2 run: loss and smoothness at every step, the saved weight curves.
    func runFigureTwo(_ target: Matrix, _ context: RunContext) throws {
        var network = zeroNetwork(depth, target)
        let lr = eta * Double(depth)
        var firstBelow = -1
        var smoothnessSup = 0.0
        var weightSup = 0.0
        var csv = "k,n,i,j,value\n"
        for k in 0...steps {
            let (gradients, loss) = network.gradient()
            if firstBelow < 0 && loss < 1e-5 { firstBelow = k }
            let smoothness = network.smoothness
            smoothnessSup = max(smoothnessSup, smoothness)
            weightSup = max(weightSup, network.weightSup)
            try context.record("lin.loss", x: Double(k), loss)
            try context.record("lin.smoothness", x: Double(k), smoothness)
            if Self.savedSteps.contains(k) {
                for (n, a) in network.weights.enumerated() {
                    for j in 0..<dimension {
                        for i in 0..<dimension { csv += "\(k),\(n),\(i),\(j),\(a[i, j])\n" }
                    }
                }
            }
            if k == steps {
                try context.record("lin.final_loss", loss)
            } else {
                network.apply(gradients, learningRate: lr)
            }
        }
        try context.record("lin.first_step_below_1e-5", Double(firstBelow))
        try context.record("lin.smoothness_sup", smoothnessSup)
        try context.record("lin.weight_sup", weightSup)
        try context.attach(name: "lin_weights.csv", content: csv)
    }

    /// The weights of every step `0…steps` of a zero-initialised network of depth `n`.
    func trajectory(_ n: Int, _ target: Matrix) -> [[Matrix]] {
        var network = zeroNetwork(n, target)
        var weights = [network.weights]
        for _ in 0..<steps {
            network.descend(learningRate: eta * Double(n))
            weights.append(network.weights)
        }
        return weights
    }

    /// The rate to the depth limit: every depth against the reference, in parallel.
    func runRate(_ target: Matrix, _ context: RunContext) throws {
        let reference = trajectory(referenceDepth, target)
        let results = try context.parallelMap(depths.count) { index in
            let n = depths[index]
            let weights = trajectory(n, target)
            var distance = 0.0
            for (k, layers) in weights.enumerated() {
                for (layer, a) in layers.enumerated() {
                    let limit = Self.interpolate(reference[k], at: Double(layer) / Double(n))
                    distance = max(distance, (a - limit).frobeniusNorm)
                }
            }
            let trained = LinearResidualNetwork(weights: weights[steps], target: target)
            let gap = (trained.product - trained.productIntegral(substeps: 16)).frobeniusNorm
            let x = Double(n)
            let points = [
                MetricPoint("lin.dist_limit", x: x, distance), MetricPoint("lin.N_dist", x: x, x * distance),
                MetricPoint("lin.ode_gap", x: x, gap),
            ]
            try context.record(points)
            return (x, distance)
        }
        if let fit = SlopeFit.fit(results.map { (x: $0.0, value: $0.1) }, minimumX: 0) {
            try context.record("lin.dist_limit.slope", fit.slope)
        }
    }

    /// The reference weights `A^ref(t)` at `t = n/N`: layer `t·N_ref`, linearly interpolated
    /// between its neighbours when that is not an integer.
    static func interpolate(_ layers: [Matrix], at t: Double) -> Matrix {
        let position = t * Double(layers.count)
        let lower = min(Int(position.rounded(.down)), layers.count - 1)
        let a = position - Double(lower)
        if a == 0 || lower + 1 >= layers.count { return layers[lower] }
        return (1 - a) * layers[lower] + a * layers[lower + 1]
    }

    /// The rough-initialisation contrast: i.i.d. N(0, 1) initial entries, stream
    /// `(seed, linear, iid, N)`.
    func runRoughInitialisation(_ target: Matrix, _ context: RunContext) throws {
        _ = try context.parallelMap(iidDepths.count) { index in
            let n = iidDepths[index]
            var generator = context.random("linear", "iid", .of(n))
            var network = LinearResidualNetwork(
                weights: (0..<n).map { _ in
                    Matrix.gaussian(rows: dimension, columns: dimension, using: &generator)
                }, target: target)
            var roughness = network.smoothness / Double(n)
            for _ in 0..<iidSteps {
                network.descend(learningRate: eta * Double(n))
                roughness = max(roughness, network.smoothness / Double(n))
            }
            let x = Double(n)
            try context.record([
                MetricPoint("lin.iid.smoothness_over_N", x: x, roughness),
                MetricPoint("lin.iid.final_loss", x: x, network.loss),
            ])
        }
    }
}

import WorkbenchCore
import WorkbenchNumerics

/// Experiment E4 (the `memory` part): activation memory of backprop and of the adjoint against
/// depth, counted by an ``ActivationArena`` during one forward and backward pass of an MLP
/// ResNet (one `N(0, 1/fan_in)` draw of `(W1, W2)` tied across layers, as in the paper's memory
/// figure; inputs and targets `N(0, I)`).
///
/// Records `mem.{mode}.{method}.bytes_peak[N]` (tracked) and `…bytes_formula[N]` — backprop
/// `(N + 2)·d·B·8` (the states `X_0…X_N` and the cotangent; Heun recomputes `Z_n` from `X_n`, so
/// it keeps no more), adjoint `2·d·B·8` — and `mem.ratio.{method}[N]` = backprop/adjoint.
/// Wall times are not recorded: they are not reproducible bit for bit.
struct MemoryStudy: Sendable {
    let depths: [Int]
    let batch: Int
    let dimension: Int
    let hidden: Int

    private typealias Declared = ResNetODEExperiment

    static let parameters: [any ParameterDeclaration] = [
        Declared.memDepths, Declared.memBatch, Declared.memDim, Declared.memHidden,
    ]

    init(_ parameters: ParameterSet) {
        depths = parameters[Declared.memDepths].sorted()
        batch = parameters[Declared.memBatch]
        dimension = parameters[Declared.memDim]
        hidden = parameters[Declared.memHidden]
    }

    /// `mem.{mode}.{method}.{name}`.
    static func key(_ mode: String, _ method: IntegrationMethod, _ name: String) -> MetricKey {
        MetricKey("mem", .text("mode", mode), .text("method", method.rawValue), .name(name))
    }

    func run(_ context: RunContext) throws {
        var generator = context.random("memory")
        let shapes = ResidualKind.mlp.groupShapes(dimension: dimension, hidden: hidden)
        let weights = LayerWeights(
            groups: shapes.map {
                Matrix.gaussian(
                    rows: $0.rows, columns: $0.columns, standardDeviation: 1 / Double($0.columns).squareRoot(),
                    using: &generator)
            })
        let x0 = Matrix.gaussian(rows: dimension, columns: batch, using: &generator)
        let target = Matrix.gaussian(rows: dimension, columns: batch, using: &generator)
        let buffer = Double(dimension * batch * MemoryLayout<Double>.size)
        _ = try context.parallelMap(depths.count) { index in
            let depth = depths[index]
            let network = ResidualNetwork(
                residual: ResidualFunction(kind: .mlp), nodes: Array(repeating: weights, count: depth + 1))
            let n = Double(depth)
            var points = [MetricPoint]()
            for method in IntegrationMethod.allCases {
                var backpropArena = ActivationArena()
                _ = network.backpropagation(x0, target: target, method, arena: &backpropArena)
                var adjointArena = ActivationArena()
                _ = network.adjoint(output: network.output(x0, method), target: target, method, arena: &adjointArena)
                points += [
                    MetricPoint(Self.key("backprop", method, "bytes_peak"), x: n, Double(backpropArena.peak)),
                    MetricPoint(Self.key("backprop", method, "bytes_formula"), x: n, (n + 2) * buffer),
                    MetricPoint(Self.key("adjoint", method, "bytes_peak"), x: n, Double(adjointArena.peak)),
                    MetricPoint(Self.key("adjoint", method, "bytes_formula"), x: n, 2 * buffer),
                    MetricPoint(
                        MetricKey("mem.ratio", .text("method", method.rawValue)), x: n,
                        Double(backpropArena.peak) / Double(adjointArena.peak)),
                ]
            }
            try context.record(points)
        }
    }
}

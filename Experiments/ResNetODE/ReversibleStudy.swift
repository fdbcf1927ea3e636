import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// The `reversible` part (beyond the paper, spec §7.2): Runge–Kutta ResNets of order `p` with
/// their exact reverse passes, on the smooth MLP path `Θ` (the `adjoint` part's smooth weights).
///
/// Inputs `X_0 ~ N(0, I_d)` and targets `Y ~ N(0, I_d)` (d×B, streams `reversible/input` and
/// `reversible/target`), loss `‖X_N − Y‖²/(2B)`. Per (scheme, N), `rev.{scheme}.…`:
/// - `rec[N]` = `‖X̃_0 − X_0‖_F/‖X_0‖_F`, `grad_rel[N]` = `‖g_adj − g_bp‖/‖g_bp‖` (all weights);
/// - `backprop_bytes[N]`, `adjoint_bytes[N]`: activation buffers kept across layers
///   (``ActivationArena``);
/// - `adjoint_seconds[N]`: wall-clock seconds of the adjoint pass (a timing, outside the digest);
/// per scheme `order` (p), `stages` (s), `adjoint_evals_per_layer` (`5s`: s forward, s reverse and
/// s recomputed evaluations plus s VJPs counted as two evaluations each) and
/// `backprop_evals_per_layer` (`4s`); and the log-log slopes of `rec` and `grad_rel` over
/// `fitMinDepth ≤ N ≤ revFitMaxDepth`, values at the round-off floor left out.
struct ReversibleStudy: Sendable {
    let dimension: Int
    let hidden: Int
    let batch: Int
    /// Ascending.
    let depths: [Int]
    let schemes: [RungeKuttaScheme]
    let weightScale: Double
    let modes: Int
    let fitMinDepth: Int
    let fitMaxDepth: Int

    /// `rev.{scheme}.{name}`.
    static func key(_ scheme: RungeKuttaScheme, _ name: String) -> MetricKey {
        MetricKey("rev", .text("scheme", scheme.rawValue), .name(name))
    }

    /// The slope series.
    static let slopeSeries = ["rec", "grad_rel"]

    /// Evaluation units per layer of the adjoint: `s` forward, `s` reverse, `s` recomputed
    /// evaluations and `s` VJPs at two evaluations each.
    static func adjointEvaluations(_ scheme: RungeKuttaScheme) -> Int { 5 * scheme.stages }

    /// Evaluation units per layer of backpropagation (stages recomputed from the stored states).
    static func backpropEvaluations(_ scheme: RungeKuttaScheme) -> Int { 4 * scheme.stages }

    func run(_ context: RunContext) throws {
        var inputGenerator = context.random("reversible", "input")
        let x0 = Matrix.gaussian(rows: dimension, columns: batch, using: &inputGenerator)
        var targetGenerator = context.random("reversible", "target")
        let target = Matrix.gaussian(rows: dimension, columns: batch, using: &targetGenerator)
        let gap = GapStudy(
            dimension: dimension, hidden: hidden, batch: batch, depths: depths, residuals: [.mlp],
            schemes: [.smooth], weightScale: weightScale, modes: modes, odeSubsteps: 1, limitSteps: 1,
            fitMinDepth: fitMinDepth, heunConvention: .nodes)
        let path = gap.smoothPath(.mlp, context)
        var perScheme = [MetricPoint]()
        for scheme in schemes {
            perScheme += [
                MetricPoint(Self.key(scheme, "order"), Double(scheme.order)),
                MetricPoint(Self.key(scheme, "stages"), Double(scheme.stages)),
                MetricPoint(Self.key(scheme, "adjoint_evals_per_layer"), Double(Self.adjointEvaluations(scheme))),
                MetricPoint(Self.key(scheme, "backprop_evals_per_layer"), Double(Self.backpropEvaluations(scheme))),
            ]
        }
        try context.record(perScheme)
        let cells = depths.reversed().flatMap { depth in schemes.map { (scheme: $0, depth: depth) } }
        let computed = try context.parallelMap(cells.count) { index in
            let cell = cells[index]
            var unused = SplitMix64(seed: 0)
            let nodes = WeightSequence.nodes(
                .smooth, path: path, depth: cell.depth, scale: weightScale, using: &unused)
            let network = RungeKuttaNetwork(residual: ResidualFunction(kind: .mlp), nodes: nodes, scheme: cell.scheme)
            let points = points(network, x0: x0, target: target)
            try context.record(points)
            context.progress(
                "\(cell.scheme.rawValue) N=\(cell.depth)", fraction: Double(index + 1) / Double(cells.count))
            return points
        }
        try context.record(slopePoints(computed.flatMap { $0 }))
    }

    /// The points of one (scheme, N).
    func points(_ network: RungeKuttaNetwork, x0: Matrix, target: Matrix) -> [MetricPoint] {
        var backpropArena = ActivationArena()
        let backprop = network.backpropagation(x0, target: target, arena: &backpropArena)
        let output = network.output(x0)
        var adjointArena = ActivationArena()
        let started = Date()
        let (adjoint, reconstructed) = network.adjoint(output: output, target: target, arena: &adjointArena)
        let seconds = Date().timeIntervalSince(started)
        let n = Double(network.depth)
        let key = { (name: String) in Self.key(network.scheme, name) }
        return [
            MetricPoint(key("rec"), x: n, (reconstructed - x0).frobeniusNorm / x0.frobeniusNorm),
            MetricPoint(key("grad_rel"), x: n, adjoint.weightError(against: backprop).relative),
            MetricPoint(key("backprop_bytes"), x: n, Double(backpropArena.peak)),
            MetricPoint(key("adjoint_bytes"), x: n, Double(adjointArena.peak)),
            MetricPoint(key("adjoint_seconds"), x: n, seconds),
        ]
    }

    /// Slopes of `rec` and `grad_rel` over `fitMinDepth ≤ N ≤ fitMaxDepth`.
    func slopePoints(_ recorded: [MetricPoint]) -> [MetricPoint] {
        let series = SlopeFit.seriesByKey(recorded)
        var points = [MetricPoint]()
        for scheme in schemes {
            for name in Self.slopeSeries {
                let key = Self.key(scheme, name)
                guard let values = series[key.text],
                    let fit = SlopeFit.fit(values, minimumX: Double(fitMinDepth), maximumX: Double(fitMaxDepth))
                else { continue }
                points.append(MetricPoint(key.appending("slope"), fit.slope))
            }
        }
        return points
    }
}

extension ReversibleStudy {
    private typealias Declared = ResNetODEExperiment

    /// The parameters the `reversible` part reads: exactly those ``init(_:)`` reads.
    static let parameters: [any ParameterDeclaration] = [
        Declared.dimension, Declared.hidden, Declared.batch, Declared.revDepths, Declared.revSchemes,
        Declared.weightScale, Declared.modes, Declared.fitMinDepth, Declared.revFitMaxDepth,
    ]

    /// The study a run's parameters describe.
    init(_ parameters: ParameterSet) {
        self.init(
            dimension: parameters[Declared.dimension], hidden: parameters[Declared.hidden],
            batch: parameters[Declared.batch], depths: parameters[Declared.revDepths].sorted(),
            schemes: parameters[Declared.revSchemes].compactMap(RungeKuttaScheme.init(rawValue:)),
            weightScale: parameters[Declared.weightScale], modes: parameters[Declared.modes],
            fitMinDepth: parameters[Declared.fitMinDepth], fitMaxDepth: parameters[Declared.revFitMaxDepth])
    }
}

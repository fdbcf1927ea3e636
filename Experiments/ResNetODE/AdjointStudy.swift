import WorkbenchCore
import WorkbenchNumerics

/// Experiment E3 (the `adjoint` part): the memory-free adjoint against backpropagation, per
/// (residual, weight scheme, depth N) and method (Euler, Heun).
///
/// Inputs `X_0 ~ N(0, I_d)` and targets `Y ~ N(0, I_d)` (d×B, streams `adjoint/input` and
/// `adjoint/target`), loss `‖X_N − Y‖²/(2B)`. Records `adj.{residual}.{method}.{scheme}.…`:
/// - `rec[N]` = `‖X̃_0 − X_0‖_F/‖X_0‖_F` (reconstruction by the reverse steps);
/// - `grad_rel[N]` = `‖g_adj − g_bp‖/‖g_bp‖` over all weight gradients, `grad_cos[N]` their cosine;
/// - `input_grad_rel[N]` = the same for `∂L/∂X_0` (exactly 0 for the linear residual, whose
///   input VJP does not depend on the state);
/// - `adj.{residual}.heun_gain.smooth[N]` = rec(Euler)/rec(Heun) for smooth weights;
/// and the log-log slopes (N ≥ fitMinDepth) of rec, grad_rel and input_grad_rel — a series whose
/// values are all at the round-off floor (≤ 1e−14) has no slope and none is recorded.
struct AdjointStudy: Sendable {
    let dimension: Int
    let hidden: Int
    let batch: Int
    /// Ascending.
    let depths: [Int]
    let residuals: [ResidualKind]
    let schemes: [WeightScheme]
    let weightScale: Double
    let modes: Int
    let fitMinDepth: Int

    /// The series whose slopes are recorded.
    static let slopeSeries = ["rec", "grad_rel", "input_grad_rel"]

    /// `adj.{residual}.{method}.{scheme}.{name}`.
    static func key(_ residual: ResidualKind, _ method: IntegrationMethod, _ scheme: WeightScheme, _ name: String)
        -> MetricKey
    {
        MetricKey(
            "adj", .text("residual", residual.rawValue), .text("method", method.rawValue),
            .text("scheme", scheme.rawValue), .name(name))
    }

    func run(_ context: RunContext) throws {
        var inputGenerator = context.random("adjoint", "input")
        let x0 = Matrix.gaussian(rows: dimension, columns: batch, using: &inputGenerator)
        var targetGenerator = context.random("adjoint", "target")
        let target = Matrix.gaussian(rows: dimension, columns: batch, using: &targetGenerator)
        let gap = GapStudy(
            dimension: dimension, hidden: hidden, batch: batch, depths: depths, residuals: residuals,
            schemes: schemes, weightScale: weightScale, modes: modes, odeSubsteps: 1, limitSteps: 1,
            fitMinDepth: fitMinDepth, heunConvention: .nodes)
        let paths = Dictionary(uniqueKeysWithValues: residuals.map { ($0, gap.smoothPath($0, context)) })
        let cells = gap.cells
        let computed = try context.parallelMap(cells.count) { index in
            let cell = cells[index]
            guard let path = paths[cell.residual] else { return [MetricPoint]() }
            var generator = context.random(
                "adjoint", .label(cell.residual.rawValue), .label(cell.scheme.rawValue), .of(cell.depth))
            let nodes = WeightSequence.nodes(
                cell.scheme, path: path, depth: cell.depth, scale: weightScale, using: &generator)
            let network = ResidualNetwork(residual: ResidualFunction(kind: cell.residual), nodes: nodes)
            let points = points(cell, network: network, x0: x0, target: target)
            try context.record(points)
            context.progress(
                "\(cell.residual.rawValue) \(cell.scheme.rawValue) N=\(cell.depth)",
                fraction: Double(index + 1) / Double(cells.count))
            return points
        }
        try context.record(slopePoints(computed.flatMap { $0 }))
    }

    /// The points of one configuration, both methods.
    func points(_ cell: GapStudy.Cell, network: ResidualNetwork, x0: Matrix, target: Matrix) -> [MetricPoint] {
        let n = Double(cell.depth)
        var points = [MetricPoint]()
        var reconstruction = [IntegrationMethod: Double]()
        for method in IntegrationMethod.allCases {
            let backprop = network.backpropagation(x0, target: target, method)
            let (adjoint, reconstructed) = network.adjoint(
                output: network.output(x0, method), target: target, method)
            let rec = (reconstructed - x0).frobeniusNorm / x0.frobeniusNorm
            let weightError = adjoint.weightError(against: backprop)
            reconstruction[method] = rec
            let key = { (name: String) in Self.key(cell.residual, method, cell.scheme, name) }
            points += [
                MetricPoint(key("rec"), x: n, rec),
                MetricPoint(key("grad_rel"), x: n, weightError.relative),
                MetricPoint(key("grad_cos"), x: n, weightError.cosine),
                MetricPoint(key("input_grad_rel"), x: n, adjoint.inputError(against: backprop)),
            ]
        }
        if cell.scheme == .smooth, let euler = reconstruction[.euler], let heun = reconstruction[.heun] {
            points.append(
                MetricPoint(
                    MetricKey("adj", .text("residual", cell.residual.rawValue), "heun_gain.smooth"), x: n, euler / heun)
            )
        }
        return points
    }

    /// Slopes of the rec, grad_rel and input_grad_rel series.
    func slopePoints(_ recorded: [MetricPoint]) -> [MetricPoint] {
        let series = SlopeFit.seriesByKey(recorded)
        var points = [MetricPoint]()
        for residual in residuals {
            for method in IntegrationMethod.allCases {
                for scheme in schemes {
                    for name in Self.slopeSeries {
                        let key = Self.key(residual, method, scheme, name)
                        guard let values = series[key.text],
                            let fit = SlopeFit.fit(values, minimumX: Double(fitMinDepth))
                        else { continue }
                        points.append(MetricPoint(key.appending("slope"), fit.slope))
                    }
                }
            }
        }
        return points
    }
}

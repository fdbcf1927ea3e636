import WorkbenchCore
import WorkbenchNumerics

/// Experiment E1 (the `gap` part): the ResNet against its neural ODE, per (residual, weight
/// scheme, depth N).
///
/// For inputs `X_0 ~ N(0, I_d)` (d×B, stream `gap/input`) and the nodes `θ_0 … θ_N` of the
/// scheme (``WeightSequence``), records with `rel(a, b) = ‖a − b‖_F/‖b‖_F`:
/// - `gap.{residual}.{scheme}.euler.rel_pl[N]` — Euler output against the RK4 solution on the
///   piecewise-affine path through the nodes (``ODEReference/piecewiseAffine(_:nodes:substeps:from:)``);
/// - `gap.{residual}.smooth.{euler|heun}.rel_limit[N]` — smooth weights only: the Euler and Heun
///   outputs against the depth limit `ż = f(z, Θ(t))` (``ODEReference/limit(_:path:steps:from:)``);
/// - `gap.{residual}.{scheme}.tv[N]` — the total variation of the nodes;
/// - `gap.{residual}.alternating.output_diff_vs_smooth[N]` — `max |X_N(alt) − X_N(smooth)|`
///   (zero up to round-off for the MLP, whose function is invariant under flipping both groups);
/// and, once every depth is done, the log-log slopes (N ≥ fitMinDepth) of each series and the
/// plateau (mean of `rel_pl` over the 3 largest N).
struct GapStudy: Sendable {
    let dimension: Int
    let hidden: Int
    let batch: Int
    /// Ascending.
    let depths: [Int]
    let residuals: [ResidualKind]
    let schemes: [WeightScheme]
    let weightScale: Double
    let modes: Int
    let odeSubsteps: Int
    let limitSteps: Int
    let fitMinDepth: Int
    let heunConvention: HeunConvention

    /// One (residual, scheme, depth) configuration.
    struct Cell: Sendable {
        let residual: ResidualKind
        let scheme: WeightScheme
        let depth: Int
    }

    /// The configurations, deepest first (the longest tasks start first).
    var cells: [Cell] {
        var cells = [Cell]()
        for depth in depths.reversed() {
            for residual in residuals {
                for scheme in schemes { cells.append(Cell(residual: residual, scheme: scheme, depth: depth)) }
            }
        }
        return cells
    }

    /// The smooth path `Θ` of `residual`, drawn from the stream `(seed, smooth, residual)`; the
    /// same for every depth and every part.
    func smoothPath(_ residual: ResidualKind, _ context: RunContext) -> SmoothWeightPath {
        var generator = context.random("smooth", .label(residual.rawValue))
        return SmoothWeightPath(
            shapes: residual.groupShapes(dimension: dimension, hidden: hidden), modes: modes, scale: weightScale,
            using: &generator)
    }

    /// Computes every configuration in parallel, records each as soon as it is done, then the
    /// slopes and plateaus.
    func run(_ context: RunContext) throws {
        var inputGenerator = context.random("gap", "input")
        let x0 = Matrix.gaussian(rows: dimension, columns: batch, using: &inputGenerator)
        let paths = residuals.map { smoothPath($0, context) }
        let needsLimit = schemes.contains(.smooth)
        let limits = try context.parallelMap(residuals.count) { index in
            needsLimit
                ? ODEReference.limit(
                    ResidualFunction(kind: residuals[index]), path: paths[index], steps: limitSteps, from: x0)
                : x0
        }
        let cells = self.cells
        let pathByResidual = Dictionary(uniqueKeysWithValues: zip(residuals, paths))
        let limitByResidual = Dictionary(uniqueKeysWithValues: zip(residuals, limits))
        let computed = try context.parallelMap(cells.count) { index in
            let cell = cells[index]
            guard let path = pathByResidual[cell.residual], let limit = limitByResidual[cell.residual] else {
                return [MetricPoint]()
            }
            let points = points(cell, path: path, limit: limit, x0: x0, context)
            try context.record(points)
            context.progress(
                "\(cell.residual.rawValue) \(cell.scheme.rawValue) N=\(cell.depth)",
                fraction: Double(index + 1) / Double(cells.count))
            return points
        }
        try context.record(summaryPoints(computed.flatMap { $0 }))
    }

    /// The metric points of one configuration.
    func points(_ cell: Cell, path: SmoothWeightPath, limit: Matrix, x0: Matrix, _ context: RunContext)
        -> [MetricPoint]
    {
        var generator = context.random(
            "gap", .label(cell.residual.rawValue), .label(cell.scheme.rawValue), .of(cell.depth))
        let nodes = WeightSequence.nodes(
            cell.scheme, path: path, depth: cell.depth, scale: weightScale, using: &generator)
        let residual = ResidualFunction(kind: cell.residual)
        let network = ResidualNetwork(residual: residual, nodes: nodes)
        let euler = network.eulerOutput(x0)
        let reference = ODEReference.piecewiseAffine(residual, nodes: nodes, substeps: odeSubsteps, from: x0)
        let n = Double(cell.depth)
        var points = [
            MetricPoint(key(cell, "euler", "rel_pl"), x: n, Self.relativeDistance(euler, reference)),
            MetricPoint(key(cell, nil, "tv"), x: n, WeightSequence.totalVariation(nodes)),
        ]
        if cell.scheme == .smooth {
            let heun = network.heunOutput(x0, convention: heunConvention)
            points.append(MetricPoint(key(cell, "euler", "rel_limit"), x: n, Self.relativeDistance(euler, limit)))
            points.append(MetricPoint(key(cell, "heun", "rel_limit"), x: n, Self.relativeDistance(heun, limit)))
        }
        if cell.scheme == .alternating {
            let smoothNodes = WeightSequence.nodes(
                .smooth, path: path, depth: cell.depth, scale: weightScale, using: &generator)
            let smooth = ResidualNetwork(residual: residual, nodes: smoothNodes).eulerOutput(x0)
            points.append(
                MetricPoint(key(cell, nil, "output_diff_vs_smooth"), x: n, (euler - smooth).maxAbsEntry))
        }
        return points
    }

    /// `gap.{residual}.{scheme}[.{method}].{name}`.
    func key(_ cell: Cell, _ method: String?, _ name: String) -> MetricKey {
        Self.key(cell.residual, cell.scheme, method, name)
    }

    /// `gap.{residual}.{scheme}[.{method}].{name}`.
    static func key(_ residual: ResidualKind, _ scheme: WeightScheme, _ method: String?, _ name: String)
        -> MetricKey
    {
        var segments: [MetricKey.Segment] = [
            "gap", .text("residual", residual.rawValue), .text("scheme", scheme.rawValue),
        ]
        if let method { segments.append(.text("method", method)) }
        segments.append(.name(name))
        return MetricKey(segments: segments)
    }

    /// Slopes of the error series and the `rel_pl` plateaus, from the points of the configurations.
    func summaryPoints(_ recorded: [MetricPoint]) -> [MetricPoint] {
        var series = [String: [(x: Double, value: Double)]]()
        for point in recorded {
            guard let x = point.x else { continue }
            series[point.key, default: []].append((x, point.value))
        }
        var points = [MetricPoint]()
        for residual in residuals {
            for scheme in schemes {
                for (method, name) in [("euler", "rel_pl"), ("euler", "rel_limit"), ("heun", "rel_limit")] {
                    let key = Self.key(residual, scheme, method, name)
                    guard let values = series[key.text] else { continue }
                    if let fit = SlopeFit.fit(values, minimumX: Double(fitMinDepth)) {
                        points.append(MetricPoint(key.appending("slope"), fit.slope))
                    }
                    if name == "rel_pl" {
                        let sorted = values.sorted { $0.x < $1.x }.suffix(3)
                        let plateau = sorted.reduce(0) { $0 + $1.value } / Double(max(1, sorted.count))
                        points.append(MetricPoint(Self.key(residual, scheme, nil, "plateau"), plateau))
                    }
                }
            }
        }
        return points
    }

    /// `‖a − b‖_F / ‖b‖_F`.
    static func relativeDistance(_ a: Matrix, _ b: Matrix) -> Double {
        (a - b).frobeniusNorm / b.frobeniusNorm
    }
}

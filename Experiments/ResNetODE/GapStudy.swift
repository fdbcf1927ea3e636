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

    /// One unit of parallel work: a configuration, or the depth-limit solution of a residual.
    enum Task: Sendable {
        case cell(Cell)
        case limit(ResidualKind)
    }

    /// What a task returns: a configuration's recorded points and, for smooth weights, its Euler
    /// and Heun outputs (compared with the limit once that is known); or a limit solution.
    enum TaskResult: Sendable {
        case cell(Cell, points: [MetricPoint], smoothOutputs: (euler: Matrix, heun: Matrix)?)
        case limit(ResidualKind, Matrix)
    }

    /// The tasks: the cells of the smallest depth first (milliseconds of work, so a run records
    /// results at once), then the longest first for an even load — the cells of the two largest
    /// depths, the limit solutions, the other cells deepest first.
    var tasks: [Task] {
        let cells = self.cells
        let smallest = depths.first
        let deepest = Set(depths.dropFirst().suffix(2))
        let limits = schemes.contains(.smooth) ? residuals.map { Task.limit($0) } : []
        return cells.filter { $0.depth == smallest }.map { Task.cell($0) }
            + cells.filter { deepest.contains($0.depth) }.map { Task.cell($0) } + limits
            + cells.filter { $0.depth != smallest && !deepest.contains($0.depth) }.map { Task.cell($0) }
    }

    /// Computes every configuration and limit solution in parallel. A configuration's points
    /// against the piecewise-affine ODE are recorded as soon as it is done (so a long run shows
    /// results from its first configurations on); the `rel_limit` points follow once every
    /// limit solution is known, then the slopes and plateaus.
    func run(_ context: RunContext) throws {
        var inputGenerator = context.random("gap", "input")
        let x0 = Matrix.gaussian(rows: dimension, columns: batch, using: &inputGenerator)
        let paths = Dictionary(uniqueKeysWithValues: residuals.map { ($0, smoothPath($0, context)) })
        let tasks = self.tasks
        let results = try context.parallelMap(tasks.count) { index -> TaskResult? in
            switch tasks[index] {
            case .limit(let residual):
                guard let path = paths[residual] else { return nil }
                let limit = ODEReference.limit(
                    ResidualFunction(kind: residual), path: path, steps: limitSteps, from: x0)
                context.progress("\(residual.rawValue) depth limit", fraction: Double(index + 1) / Double(tasks.count))
                return .limit(residual, limit)
            case .cell(let cell):
                guard let path = paths[cell.residual] else { return nil }
                let computed = outputs(cell, path: path, x0: x0, context)
                try context.record(computed.points)
                context.progress(
                    "\(cell.residual.rawValue) \(cell.scheme.rawValue) N=\(cell.depth)",
                    fraction: Double(index + 1) / Double(tasks.count))
                return .cell(cell, points: computed.points, smoothOutputs: computed.smoothOutputs)
            }
        }
        var limits = [ResidualKind: Matrix]()
        for case .limit(let residual, let limit)? in results { limits[residual] = limit }
        var recorded = [MetricPoint]()
        var limitPoints = [MetricPoint]()
        for case .cell(let cell, let points, let smoothOutputs)? in results {
            recorded += points
            guard let smoothOutputs, let limit = limits[cell.residual] else { continue }
            let n = Double(cell.depth)
            limitPoints += [
                MetricPoint(key(cell, "euler", "rel_limit"), x: n, Self.relativeDistance(smoothOutputs.euler, limit)),
                MetricPoint(key(cell, "heun", "rel_limit"), x: n, Self.relativeDistance(smoothOutputs.heun, limit)),
            ]
        }
        try context.record(limitPoints)
        try context.record(summaryPoints(recorded + limitPoints))
    }

    /// The points of one configuration that need no limit solution, and for smooth weights its
    /// Euler and Heun outputs.
    func outputs(_ cell: Cell, path: SmoothWeightPath, x0: Matrix, _ context: RunContext) -> (
        points: [MetricPoint], smoothOutputs: (euler: Matrix, heun: Matrix)?
    ) {
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
        var smoothOutputs: (euler: Matrix, heun: Matrix)?
        if cell.scheme == .smooth {
            smoothOutputs = (euler, network.heunOutput(x0, convention: heunConvention))
        }
        if cell.scheme == .alternating {
            let smoothNodes = WeightSequence.nodes(
                .smooth, path: path, depth: cell.depth, scale: weightScale, using: &generator)
            let smooth = ResidualNetwork(residual: residual, nodes: smoothNodes).eulerOutput(x0)
            points.append(
                MetricPoint(key(cell, nil, "output_diff_vs_smooth"), x: n, (euler - smooth).maxAbsEntry))
        }
        return (points, smoothOutputs)
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
        let series = SlopeFit.seriesByKey(recorded)
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

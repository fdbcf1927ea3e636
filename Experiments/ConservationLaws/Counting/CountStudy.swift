import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// Part `count`: the number of independent laws of every listed (and randomly drawn)
/// architecture, and the 2-layer linear grid. Each architecture's rows are recorded as soon as
/// it is counted; the summaries follow.
struct CountStudy {
    typealias Experiment = ConservationLawsExperiment

    let architectures: [ArchitectureSpec]
    let settings: LieTraceSettings
    let pointCount: Int
    let gridMaxWidth: Int
    let gridMaxRank: Int
    let earlyExit: Bool

    init(_ context: RunContext) throws {
        var listed = [ArchitectureSpec]()
        for text in context[Experiment.archs] { listed.append(try ArchitectureSpec(parsing: text)) }
        var random = context.random("count", "random-architectures")
        architectures =
            listed
            + RandomArchitectures.draw(context[Experiment.randomArchs], excluding: listed, random: &random)
        var settings = LieTraceSettings()
        settings.maximumLevels = context[Experiment.maxLevels]
        settings.maximumTermsPerField = context[Experiment.maxTermsPerField]
        settings.floatRelativeTolerance = context[Experiment.floatRelTol]
        self.settings = settings
        pointCount = context[Experiment.evalPoints]
        gridMaxWidth = context[Experiment.gridMaxWidth]
        gridMaxRank = context[Experiment.gridMaxRank]
        earlyExit = context[Experiment.earlyExit]
    }

    func run(_ context: RunContext) throws {
        let counts = try context.parallelMap(architectures.count) { index in
            let started = Date()
            let count = try self.count(architectures[index], context: context)
            try Self.record(count, seconds: Date().timeIntervalSince(started), context: context)
            return count
        }
        try recordSummaries(counts, context: context)
        try runGrid(context)
    }

    /// Counts the laws of one architecture at ``pointCount`` points drawn from the stream
    /// `("count", arch, point)`.
    func count(_ architecture: ArchitectureSpec, context: RunContext) throws -> ConservationLawCount {
        var modelRandom = context.random("count", .label(architecture.description), "model")
        let model = try FactorizedModel(architecture, random: &modelRandom)
        var settings = self.settings
        if earlyExit, model.hasKnownLaws {
            // The known laws' gradient rank at a first point bounds dim Lie from above once they
            // are verified orthogonal; the verification runs in the computation itself.
            var probe = context.random("count", .label(architecture.description), "early-exit")
            let points = EvaluationPoints(dimension: model.dimension, random: &probe)
            let gradients = model.knownLaws.map { law in
                var row = [UInt64](repeating: 0, count: model.dimension)
                for (v, value) in law.gradient(at: points.modular, in: ModularArithmetic()) { row[v] = value }
                return row
            }
            settings.earlyExitRank = model.dimension - ModularRowBasis.rank(of: gradients, dimension: model.dimension)
        }
        return try ConservationLawCount.compute(model, settings: settings, pointCount: pointCount) { point in
            context.random("count", .label(architecture.description), .of(point))
        }
    }

    /// Records one architecture's rows; `seconds` is the wall-clock time of its count (a timing
    /// family, outside the result digest).
    static func record(_ count: ConservationLawCount, seconds: Double, context: RunContext) throws {
        let arch = count.architecture.description
        let best = count.best
        var values: [(String, Double)] = [
            ("D", Double(count.dimension)), ("d", Double(count.generatorCount)),
            ("rank_W", Double(best.levels.first ?? 0)), ("dim_lie", Double(count.lieDimension)),
            ("n_laws", Double(count.lawCount)), ("depth", Double(best.depth)),
            ("brackets_evaluated", Double(best.bracketsEvaluated)), ("brackets_formed", Double(best.bracketsFormed)),
            ("max_terms", Double(best.maximumTerms)), ("max_degree", Double(best.maximumDegree)),
            ("max_abs_coef", Double(best.maximumAbsoluteCoefficient)), ("rank_float", Double(best.floatRank)),
            ("gap_log10", best.gapLog10), ("modp_float_agree", count.exactAndFloatAgree ? 1 : 0),
            ("closed_form", Double(count.closedForm)),
            ("match_closed_form", count.lawCount == count.closedForm ? 1 : 0),
            ("known_orthogonal", count.knownLawsOrthogonal ? 1 : 0), ("capped", best.capped ? 1 : 0),
        ]
        if let known = count.knownLawCount { values.append(("n_known", Double(known))) }
        var points = values.map { MetricPoint(CountMetricKeys.architecture(arch, $0.0), $0.1) }
        points.append(MetricPoint(CountMetricKeys.architecture(arch, "seconds"), seconds))
        let levelKey = CountMetricKeys.architecture(arch, "levels")
        points += best.levels.enumerated().map { MetricPoint(levelKey, x: Double($0.offset), Double($0.element)) }
        try context.record(points)
    }
}

import WorkbenchCore
import WorkbenchNumerics

/// How each claim's measured value is computed from recorded metrics (and the run's
/// parameters), so a re-read from the database reproduces the verdict.
///
/// "Worst over configurations" values are `nan` (a fail) when any configuration's value is not
/// a number, and `nil` (inconclusive) when the metrics were not recorded at all. Where a claim
/// applies is declared by its conditions (``DiffusionDiscretizationExperiment`` `+ClaimConditions`);
/// the measures only select the configurations and cells the statement names
/// (``ConvergenceScope``, the spec's sweep cells).
enum ClaimMeasurements {
    /// The worst (largest) value and the label it belongs to; `nan` wins.
    static func worst(_ values: [(label: String, value: Double)]) -> Measurement? {
        guard var best = values.first else { return nil }
        for entry in values.dropFirst() {
            if best.value.isNaN { break }
            if entry.value.isNaN || entry.value > best.value { best = entry }
        }
        return Measurement(best.value, detail: "worst: \(best.label) (\(values.count) values)")
    }

    /// Worst of the scalar `{family}.{cfg}` over the configurations in `scope`, mapped by `transform`.
    static func worstScalar(
        _ results: RunResults, _ scope: ConvergenceScope, family: String,
        _ transform: @escaping (Double) -> Double = { $0 }
    ) -> Measurement? {
        let values = scope.cells(results.parameters).compactMap { cell in
            results.scalar(cell.key(family).text).map { (cell.label, transform($0)) }
        }
        return worst(values)
    }

    /// Log-log slope of `w2.{cfg}` on its last four K (`nil` if not recorded).
    static func tailSlope(_ results: RunResults, _ cell: ConvergenceCell) -> Double? {
        let series = results.series(cell.key("w2").text)
        guard !series.isEmpty else { return nil }
        let tail = series.suffix(4)
        return LinearFit.powerLaw(x: tail.map(\.x), y: tail.map(\.value))?.slope ?? .nan
    }

    /// Tail slopes of the configurations in `scope`.
    static func slopes(_ results: RunResults, _ scope: ConvergenceScope) -> [(label: String, value: Double)] {
        scope.cells(results.parameters).compactMap { cell in tailSlope(results, cell).map { (cell.label, $0) } }
    }

    /// A4: `max |K·W2/𝓔 − 1|` at K = 2560 over ``ConvergenceScope/ratioAt2560``.
    static func ratioAt2560(_ results: RunResults) -> Measurement? {
        let values = ConvergenceScope.ratioAt2560.cells(results.parameters).compactMap {
            cell -> (label: String, value: Double)? in
            results.value(cell.key("ratio").text, at: 2560).map { (cell.label, abs($0 - 1)) }
        }
        return worst(values)
    }

    /// A1: the worst Monte Carlo statistic `suffix` over all recorded cells.
    static func monteCarloWorst(_ results: RunResults, suffix: String) -> Measurement? {
        let keys = results.scalarKeys(prefix: "mc.").filter { $0.hasSuffix(".\(suffix)") }
        return worst(keys.compactMap { key in results.scalar(key).map { (key, $0) } })
    }

    /// A1: `|fd_mc − correction − fd_exact|/fd_exact` on the Monte Carlo cell with the largest
    /// `fd_exact/floor` (the one where the Fréchet comparison is most informative), where the
    /// correction is the metric `correction` (`floor` as in the spec, or the delta-method `bias`).
    static func monteCarloFrechet(_ results: RunResults, correction: String) -> Measurement? {
        let prefixes = results.scalarKeys(prefix: "mc.").filter { $0.hasSuffix(".fd_exact") }
            .map { String($0.dropLast(".fd_exact".count)) }
        var best: (prefix: String, contrast: Double, deviation: Double)?
        for prefix in prefixes {
            guard let exact = results.scalar("\(prefix).fd_exact"),
                let floor = results.scalar("\(prefix).floor"),
                let shift = results.scalar("\(prefix).\(correction)"),
                let mc = results.scalar("\(prefix).fd_mc"), floor > 0
            else { continue }
            let contrast = exact / floor
            if best == nil || contrast > (best?.contrast ?? 0) {
                best = (prefix, contrast, abs(mc - shift - exact) / exact)
            }
        }
        guard let best else { return nil }
        return Measurement(
            best.deviation,
            detail: "\(best.prefix): fd_exact/floor = \(ReportNumber.format(best.contrast))")
    }

    /// A2: the worst oracle deviation `name` over processes.
    static func oracle(_ results: RunResults, name: String) -> Measurement? {
        let keys = results.scalarKeys(prefix: "oracle.").filter { $0.hasSuffix(".\(name)") }
        return worst(keys.compactMap { key in results.scalar(key).map { (key, $0) } })
    }

    /// The spec's η sweep cells (A5): α ∈ {0.5, 1, 2} × {uniform, power:2}.
    static let specEtaSweepAlphas: [Double] = [0.5, 1, 2]
    static let specEtaSweepGrids: [TimeGrid] = [.uniform, .power(2)]
    /// The spec's power-grid sweep cells (A6): α ∈ {0.5, 1, 2} × η ∈ {0, 1}.
    static let specPowerSweepEtas: [Double] = [0, 1]

    /// The spec's first-order-optimal η (A5) for VP-linear, d = 1000, on `{0, 0.25, …, 2}`, by
    /// grid and α.
    static let expectedOptimalEta: [TimeGrid: [Double: Double]] = [
        .uniform: [0.5: 0.75, 1: 0.5, 2: 0],
        .power(2): [0.5: 0, 1: 0, 2: 0],
    ]

    /// The reference-process groups of the spec's cells for `kind`, with their names.
    static func specGroups(_ kind: SweepKind) -> [(label: String, group: [MetricKey.Segment])] {
        let process = ProcessConfiguration.referenceName
        return specEtaSweepAlphas.flatMap { alpha -> [(label: String, group: [MetricKey.Segment])] in
            switch kind {
            case .eta:
                return specEtaSweepGrids.map { grid in
                    let group = SweepKind.etaGroup(process: process, alpha: alpha, grid: grid)
                    return (MetricKey(segments: group).text, group)
                }
            case .power:
                return specPowerSweepEtas.map { eta in
                    let group = SweepKind.powerGroup(process: process, alpha: alpha, eta: eta)
                    return (MetricKey(segments: group).text, group)
                }
            }
        }
    }

    /// A5: the number of the spec's (α, grid) cells whose first-order η* differs from its table.
    static func etaStarMismatches(_ results: RunResults) -> Measurement? {
        var compared = 0
        var mismatches = [String]()
        for grid in specEtaSweepGrids {
            for alpha in specEtaSweepAlphas {
                guard let expected = expectedOptimalEta[grid]?[alpha] else { continue }
                let group = SweepKind.etaGroup(process: ProcessConfiguration.referenceName, alpha: alpha, grid: grid)
                guard let measured = results.scalar(SweepKind.eta.firstOrderOptimumKey(group).text) else { continue }
                compared += 1
                if measured != expected {
                    mismatches.append("\(MetricKey(segments: group).text): \(measured) vs \(expected)")
                }
            }
        }
        guard compared > 0 else { return nil }
        return Measurement(
            Double(mismatches.count),
            detail: mismatches.isEmpty ? "\(compared) cells match" : mismatches.joined(separator: "; "))
    }

    /// A5/A6: over the spec's cells of `kind`, the number whose exact argmin at `stepCount`
    /// differs from the first-order argmin — or, when `inGridSteps`, the largest distance between
    /// them in steps of the swept abscissa (`abscissae`, the run's `sweepEtas` or `sweepPowers`).
    static func argminDisagreement(
        _ results: RunResults, _ kind: SweepKind, abscissae: [Double], stepCount: Int, inGridSteps: Bool
    ) -> Measurement? {
        let grid = abscissae.sorted()
        var compared = 0
        var worstDistance = 0.0
        var disagreements = [String]()
        for (label, group) in specGroups(kind) {
            guard let firstOrder = results.scalar(kind.firstOrderOptimumKey(group).text),
                let exact = results.scalar(kind.exactOptimumKey(group, stepCount: stepCount).text)
            else { continue }
            compared += 1
            guard let i = grid.firstIndex(of: firstOrder), let j = grid.firstIndex(of: exact) else {
                return Measurement(.nan, detail: "\(label): no optimum")
            }
            if i != j { disagreements.append("\(label): \(firstOrder) vs \(exact)") }
            worstDistance = max(worstDistance, Double(abs(i - j)))
        }
        guard compared > 0 else { return nil }
        let detail = disagreements.isEmpty ? "\(compared) sweeps agree" : disagreements.joined(separator: "; ")
        return Measurement(inGridSteps ? worstDistance : Double(disagreements.count), detail: detail)
    }

    /// A7: log-log slope (with its 95 % interval) of `ext.w2.{sampler}.vp-linear` on `80 ≤ K ≤ 320`.
    static func extensionSlope(_ results: RunResults, sampler: String) -> Measurement? {
        let points = results.series(
            ExtensionStudy.key(sampler: sampler, process: ProcessConfiguration.referenceName).text
        )
        .filter { $0.x >= 80 && $0.x <= 320 }
        guard points.count >= 2 else { return nil }
        guard let fit = LinearFit.powerLaw(x: points.map(\.x), y: points.map(\.value)) else {
            return Measurement(.nan, detail: "fit failed")
        }
        return Measurement(fit: fit, detail: "log-log slope over \(points.count) points")
    }
}

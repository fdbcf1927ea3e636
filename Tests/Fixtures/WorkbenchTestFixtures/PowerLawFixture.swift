import WorkbenchCore
import WorkbenchNumerics

/// `fixture-powerlaw`: records `err(n) = C·n^(−rate)·(1 + noise·g)` with seeded Gaussian `g`,
/// plus special values, and claims the slope is −½. Lets tests check recording, digests,
/// claim verdicts (pass with `rate=0.5`, fail with `rate=1`), NaN/∞ storage and failures
/// (`fail=true` throws after recording half the points).
public struct PowerLawFixture: Experiment {
    public init() {}

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "fixture-powerlaw", title: "Fixture: noisy power law",
            paper: PaperReference(authors: "Nobody", title: "A fixture", venue: "tests"),
            summary: "Records a seeded noisy power law and checks its log-log slope.",
            parameters: [
                ParameterSpec("rate", .real(0.5), doc: "decay exponent", constraint: .nonNegative),
                ParameterSpec("noise", .real(0.01), doc: "relative noise", constraint: .nonNegative),
                ParameterSpec(
                    "ns", .intList([16, 32, 64, 128, 256]), doc: "sample sizes",
                    constraint: .list(minCount: 2, element: .range(low: 1, high: nil, lowIsExclusive: false))),
                ParameterSpec(
                    "mode", .text("plain"), doc: "plain or special", constraint: .choices(["plain", "special"])),
                ParameterSpec("fail", .bool(false), doc: "throw halfway"),
            ],
            presets: [
                Preset("paper", summary: "more points", overrides: ["ns": .intList([16, 32, 64, 128, 256, 512, 1024])])
            ],
            claims: [
                ClaimSpec(
                    "slope", statement: "error decays like n^-1/2", paperValue: "-1/2",
                    expected: .around(-0.5, tolerance: 0.05), measure: .logLogSlope(series: "err")),
                ClaimSpec(
                    "constant", statement: "C is about 2", paperValue: "2",
                    expected: .between(1.5, 2.5), measure: .metric("constant")),
                ClaimSpec(
                    "absent", statement: "a metric this run never records", paperValue: "—",
                    expected: .atMost(1), measure: .metric("never.recorded")),
            ],
            metrics: [MetricSpec("err", "error vs n", unit: "vs n"), MetricSpec("constant", "fitted C")],
            defaultSeed: 7)
    }

    public func run(_ context: RunContext) throws {
        let rate = try context.parameters.real("rate")
        let noise = try context.parameters.real("noise")
        let ns = try context.parameters.ints("ns")
        let shouldFail = try context.parameters.bool("fail")
        var generator = context.random("err")
        var values: [Double] = []
        for (index, n) in ns.enumerated() {
            if shouldFail && index == ns.count / 2 {
                throw ExperimentError.failed("fixture failure after \(index) points")
            }
            let value = 2 * pow(Double(n), -rate) * (1 + noise * generator.nextGaussian())
            values.append(value)
            try context.record("err", x: Double(n), value)
            context.progress("n = \(n)", fraction: Double(index + 1) / Double(ns.count))
        }
        let fit = LinearFit.powerLaw(x: ns.map(Double.init), y: values)
        try context.record("constant", exp(fit?.intercept ?? .nan))
        if try context.parameters.text("mode") == "special" {
            try context.record("special.nan", .nan)
            try context.record("special.inf", .infinity)
            try context.record("special.minus_inf", -.infinity)
            try context.record("special.series", x: 1, .nan)
        }
    }

    public func report(_ results: RunResults) -> ReportContent {
        var content = ReportContent()
        content.heading("Error")
        var table = ReportTable(id: "err", title: "error vs n", columns: ["n", "err"])
        for point in results.series("err") {
            table.rows.append([.integer(Int(point.x)), .number(point.value)])
        }
        content.table(table)
        content.figure(
            ReportFigure(
                id: "err", title: "error vs n", xLabel: "n", yLabel: "err",
                series: [PlotSeries(label: "measured", points: results.series("err").map { ($0.x, $0.value) })]))
        return content
    }
}

#if canImport(Glibc)
    import Glibc
#endif

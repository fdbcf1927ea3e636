import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// `fixture-powerlaw`: records `err(n) = C·n^(−rate)·(1 + noise·g)` with seeded Gaussian `g`,
/// plus special values, and claims the slope is −½. Lets tests check recording, digests,
/// claim verdicts (pass with `rate=0.5`, fail with `rate=1`, not-applicable with `noise > 0.1`),
/// NaN/∞ storage and failures (`fail=true` throws after recording half the points).
///
/// Parts: `powerlaw` (the series and its claims), `grid` (a 2-D table with coordinates
/// `row × col`), `weights` (reads the optional declared input `weights`, a text file of numbers,
/// and records their sum).
public struct PowerLawFixture: Experiment {
    public init() {}

    static let rate = Parameter<Double>("rate", default: 0.5, doc: "decay exponent", constraint: .nonNegative)
    static let noise = Parameter<Double>("noise", default: 0.01, doc: "relative noise", constraint: .nonNegative)
    static let ns = Parameter<[Int]>(
        "ns", default: [16, 32, 64, 128, 256], doc: "sample sizes",
        constraint: .list(minCount: 2, element: .range(low: 1, high: nil, lowIsExclusive: false), distinct: true))
    static let mode = Parameter<String>(
        "mode", default: "plain", doc: "plain or special", constraint: .choices(["plain", "special"]))
    static let fail = Parameter<Bool>("fail", default: false, doc: "throw halfway")
    static let smallest = Parameter<Int>("smallest", default: 1, doc: "smallest n allowed", constraint: .atLeastOne)

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "fixture-powerlaw", title: "Fixture: noisy power law",
            paper: PaperReference(authors: "Nobody", title: "A fixture", venue: "tests"),
            summary: "Records a seeded noisy power law and checks its log-log slope.",
            parameters: [Self.rate, Self.noise, Self.ns, Self.mode, Self.fail, Self.smallest],
            presets: [Preset("paper", summary: "more points", [Self.ns.set([16, 32, 64, 128, 256, 512, 1024])])],
            parts: [powerLaw, grid, weights],
            metrics: [
                MetricSpec("err", "error vs n", unit: "vs n"), MetricSpec("constant", "fitted C"),
                MetricSpec("special.{kind}", "special values", recordedOnlyWhen: "mode=special"),
                MetricSpec("table.row{row}.col{col}", "row·col"),
                MetricSpec("weights.sum", "sum of the input", recordedOnlyWhen: "the input is fetched"),
            ],
            inputs: [
                ExperimentInput(
                    "weights", description: "numbers, one per line", file: "weights.txt",
                    fetch: .command(["sh", "-c", "printf '1\\n2\\n3\\n' > weights.txt"]))
            ],
            defaultSeed: 7,
            rules: [
                ParameterRule(keys: [Self.ns.key, Self.smallest.key], description: "every ns ≥ smallest") { set in
                    set[Self.ns].allSatisfy { $0 >= set[Self.smallest] }
                        ? nil : "ns has a value below smallest = \(set[Self.smallest])"
                }
            ])
    }

    var powerLaw: ExperimentPart {
        ExperimentPart(
            "powerlaw", summary: "the noisy power law and its fit",
            parameters: [Self.rate, Self.noise, Self.ns, Self.mode, Self.fail],
            claims: [
                ClaimSpec(
                    "slope", statement: "error decays like n^-1/2", paperValue: "-1/2",
                    expected: .around(-0.5, tolerance: 0.05), measure: .logLogSlope(series: "err"),
                    appliesWhen: [
                        ClaimCondition(
                            description: "noise ≤ 0.1", holds: { $0[Self.noise] <= 0.1 },
                            actual: { "noise=\($0[Self.noise])" })
                    ]),
                ClaimSpec(
                    "constant", statement: "C is about 2", paperValue: "2",
                    expected: .between(1.5, 2.5), measure: .metric("constant")),
                ClaimSpec(
                    "absent", statement: "a metric this run never records", paperValue: "—",
                    expected: .atMost(1), measure: .metric("never.recorded")),
            ]
        ) { context in
            let rate = context[Self.rate]
            let noise = context[Self.noise]
            let ns = context[Self.ns]
            var generator = context.random("err")
            var values: [Double] = []
            for (index, n) in ns.enumerated() {
                if context[Self.fail] && index == ns.count / 2 {
                    throw ExperimentError.failed("fixture failure after \(index) points")
                }
                let value = 2 * pow(Double(n), -rate) * (1 + noise * generator.nextGaussian())
                values.append(value)
                try context.record("err", x: Double(n), value)
                context.progress("n = \(n)", fraction: Double(index + 1) / Double(ns.count))
            }
            let fit = LinearFit.powerLaw(x: ns.map(Double.init), y: values)
            try context.record("constant", exp(fit?.intercept ?? .nan))
            if context[Self.mode] == "special" {
                try context.record("special.nan", .nan)
                try context.record("special.inf", .infinity)
                try context.record("special.minus_inf", -.infinity)
                try context.record("special.series", x: 1, .nan)
            }
        }
    }

    var grid: ExperimentPart {
        ExperimentPart(
            "grid", summary: "a 3 × 2 table with coordinates row and col", parameters: [],
            claims: [
                ClaimSpec(
                    "grid-corner", statement: "the last cell is row·col = 6", paperValue: "6",
                    expected: .between(6, 6), measure: .metric("table.row3.col2"))
            ]
        ) { context in
            for row in 1...3 {
                for col in 1...2 {
                    try context.record(
                        MetricKey("table", .integer("row", row), .integer("col", col)), Double(row * col))
                }
            }
        }
    }

    var weights: ExperimentPart {
        ExperimentPart(
            "weights", summary: "sum of the declared input", parameters: [],
            claims: [
                ClaimSpec(
                    "weights-sum", statement: "the input's numbers add up to 6", paperValue: "6",
                    expected: .between(6, 6), measure: .metric("weights.sum"))
            ], inputs: ["weights"]
        ) { context in
            let file = try context.input("weights")
            let text = try String(contentsOf: file.url, encoding: .utf8)
            let sum = text.split(whereSeparator: \.isNewline).compactMap { Double($0) }.reduce(0, +)
            try context.record("weights.sum", sum)
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

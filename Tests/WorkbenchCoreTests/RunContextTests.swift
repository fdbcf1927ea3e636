import Testing
import WorkbenchNumerics

@testable import WorkbenchCore

@Suite("Run context, claims and digests")
struct RunContextTests {
    func context(workers: Int = 1, seed: UInt64 = 1) -> (RunContext, MemoryMetricSink) {
        let sink = MemoryMetricSink()
        return (RunContext(parameters: ParameterSet([:]), seed: seed, workerCount: workers, sink: sink), sink)
    }

    @Test("recording the same key and abscissa twice is an error")
    func duplicates() throws {
        let (context, sink) = context()
        try context.record("a", 1)
        try context.record("s", x: 1, 2)
        try context.record("s", x: 2, 3)
        #expect(throws: ExperimentError.duplicateMetric(key: "a", x: nil)) { try context.record("a", 5) }
        #expect(throws: ExperimentError.duplicateMetric(key: "s", x: 2)) { try context.record("s", x: 2, 4) }
        #expect(sink.points.count == 3)
    }

    @Test("parallel loops give the same results in index order for any worker count")
    func parallelDeterminism() throws {
        func work(_ workers: Int) throws -> [Double] {
            let (context, _) = context(workers: workers, seed: 99)
            return try context.parallelMap(37) { index in
                var generator = context.random("task", .of(index))
                return (0..<1000).reduce(0.0) { sum, _ in sum + generator.nextGaussian() }
            }
        }
        let one = try work(1)
        #expect(one.map(\.bitPattern) == (try work(2)).map(\.bitPattern))
        #expect(one.map(\.bitPattern) == (try work(5)).map(\.bitPattern))
        #expect(Set(one).count == 37)
    }

    @Test("the first failing index is rethrown")
    func parallelErrors() {
        let (context, _) = context(workers: 3)
        #expect(throws: ExperimentError.failed("item 4")) {
            try context.parallelMap(10) { index -> Int in
                if index == 4 || index == 8 { throw ExperimentError.failed("item \(index)") }
                return index
            }
        }
    }

    @Test("log-log slope claims pass, fail, or are inconclusive when unmeasurable")
    func claimVerdicts() {
        let ns: [Double] = [10, 20, 40, 80, 160]
        let results = RunResults(
            runID: "", experiment: "e", preset: "quick", seed: 0, parameters: ParameterSet([:]),
            metrics: ns.map { MetricPoint("err", x: $0, 3 / $0) } + [MetricPoint("c", 0.9)]
                + [
                    MetricPoint("broken", x: 1, 1), MetricPoint("broken", x: 2, .nan),
                    MetricPoint("broken", x: 4, 0.25),
                ])
        let claims = [
            ClaimSpec(
                "order1", statement: "", paperValue: "", expected: .around(-1, tolerance: 0.01),
                measure: .logLogSlope(series: "err")),
            ClaimSpec(
                "order2", statement: "", paperValue: "", expected: .around(-2, tolerance: 0.01),
                measure: .logLogSlope(series: "err", xMin: 20)),
            ClaimSpec(
                "few", statement: "", paperValue: "", expected: .atMost(0),
                measure: .logLogSlope(series: "err", xMin: 160)),
            ClaimSpec("scalar", statement: "", paperValue: "", expected: .between(0.8, 1), measure: .metric("c")),
            ClaimSpec("missing", statement: "", paperValue: "", expected: .atMost(1), measure: .metric("nope")),
            ClaimSpec(
                "nan", statement: "", paperValue: "", expected: .atMost(1),
                measure: .computed { _ in Measurement(.nan) }),
            ClaimSpec(
                "broken", statement: "", paperValue: "", expected: .atMost(0), measure: .logLogSlope(series: "broken")),
        ]
        let checks = claims.map { ClaimEvaluator.evaluate($0, on: results) }
        #expect(checks.map(\.verdict) == [.pass, .fail, .inconclusive, .pass, .inconclusive, .fail, .fail])
        let slope = checks[0].measurement
        #expect(abs((slope?.value ?? 0) + 1) < 1e-12)  // exact power law: slope −1 to rounding
        #expect((slope?.ciLow ?? 0) <= -1 && -1 <= (slope?.ciHigh ?? 0))
    }

    @Test("worst-case reductions let a NaN win wherever it stands")
    func nanPropagation() {
        #expect([1.0, .nan, 3].maximumPropagatingNaN()?.isNaN == true)
        #expect([1.0, 3, .nan].minimumPropagatingNaN()?.isNaN == true)
        #expect([2.0, -1, 3].maximumPropagatingNaN() == 3)
        #expect([2.0, -1, 3].minimumPropagatingNaN() == -1)
        #expect([Double]().maximumPropagatingNaN() == nil)
    }

    @Test("the result digest ignores recording order but not a single bit of a value")
    func digest() {
        let points = [MetricPoint("b", 1), MetricPoint("a", x: 2, 0.5), MetricPoint("a", x: 1, 0.25)]
        let digest = ResultDigest.of(points)
        #expect(digest == ResultDigest.of(points.reversed()))
        let nudged = [MetricPoint("b", 1.0.nextUp)] + points.dropFirst()
        #expect(digest != ResultDigest.of(nudged))
        #expect(ResultDigest.of([MetricPoint("a", .nan)]) == ResultDigest.of([MetricPoint("a", -Double.nan)]))
        #expect(digest.count == 64)
    }
}

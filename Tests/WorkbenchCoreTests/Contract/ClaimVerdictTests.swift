import Testing
import WorkbenchStore
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Claim applicability and the five verdicts")
struct ClaimVerdictTests {
    static let ns = Parameter<[Int]>("ns", default: [10, 20, 40], doc: "n")
    static let noise = Parameter<Double>("noise", default: 0, doc: "noise")

    func results(_ values: [String: ParameterValue], _ metrics: [MetricPoint]) -> RunResults {
        RunResults(
            runID: "", experiment: "e", preset: "quick", seed: 0, parameters: ParameterSet(values), metrics: metrics)
    }

    @Test("conditions: a run outside the paper's setting is not-applicable, with the condition and the value")
    func notApplicable() {
        let claim = ClaimSpec(
            "c", statement: "", paperValue: "", expected: .atMost(1), measure: .metric("x"),
            appliesWhen: [.includes(Self.ns, [10, 40]), .equals(Self.noise, 0)])
        let inside = ClaimEvaluator.evaluate(
            claim, on: results(["ns": .intList([10, 20, 40]), "noise": .real(0)], [MetricPoint("x", 0.5)]))
        #expect(inside.verdict == .pass && inside.reason == nil)
        let outside = ClaimEvaluator.evaluate(
            claim, on: results(["ns": .intList([10, 20]), "noise": .real(0)], [MetricPoint("x", 0.5)]))
        #expect(outside.verdict == .notApplicable)
        #expect(outside.reason == "needs ns ⊇ {10, 40}; this run has ns=10,20")
        let noisy = ClaimEvaluator.evaluate(claim, on: results(["ns": .intList([10, 40]), "noise": .real(0.1)], []))
        #expect(noisy.reason == "needs noise = 0.0; this run has noise=0.1")
    }

    @Test("inconclusive carries why: a missing metric, too few points in the window")
    func inconclusiveReasons() {
        let slope = ClaimSpec(
            "s", statement: "", paperValue: "", expected: .atMost(0), measure: .logLogSlope(series: "err", xMin: 40))
        let check = ClaimEvaluator.evaluate(
            slope, on: results([:], [MetricPoint("err", x: 10, 1), MetricPoint("err", x: 40, 0.5)]))
        #expect(check.verdict == .inconclusive)
        #expect(check.reason == "series 'err' has 1 point in the fit window; a slope needs 2")
        let scalar = ClaimSpec("m", statement: "", paperValue: "", expected: .atMost(0), measure: .metric("gone"))
        #expect(ClaimEvaluator.evaluate(scalar, on: results([:], [])).reason == "metric 'gone' was not recorded")
    }

    @Test("marginal: the point estimate decides, a CI straddling a bound is flagged")
    func marginal() {
        let interval = ExpectedInterval.between(-2.05, -1.95)
        #expect(interval.isStraddled(by: -2.05, -1.88))  // the A7-heun case: CI runs past −1.95
        #expect(!interval.isStraddled(by: -2.0, -1.96))  // inside
        #expect(!interval.isStraddled(by: -1.9, -1.8))  // wholly outside: a clear fail
        #expect(interval.isStraddled(by: -2.2, -2.0))
        #expect(!ExpectedInterval.atLeast(0.5).isStraddled(by: 0.6, 9))
        let claim = ClaimSpec(
            "k", statement: "", paperValue: "", expected: interval,
            measure: .computed { _ in Measurement(-1.97, ciLow: -2.05, ciHigh: -1.88) })
        let check = ClaimEvaluator.evaluate(claim, on: results([:], []))
        #expect(check.verdict == .pass && check.marginal)
        #expect(check.verdictText == "pass (marginal)")
        let failing = ClaimSpec(
            "f", statement: "", paperValue: "", expected: interval,
            measure: .computed { _ in Measurement(-1.9, ciLow: -1.99, ciHigh: -1.81) })
        let failed = ClaimEvaluator.evaluate(failing, on: results([:], []))
        #expect(failed.verdict == .fail && failed.marginal)
    }

    @Test("a part left out by parts= gives not-run for its claims, with the selection in the reason")
    func notRun() throws {
        let experiment = PowerLawFixture()
        let parameters = try ParameterResolver.resolve(experiment.descriptor, assignments: ["parts=grid"])
        let run = try MemoryRun(experiment, parameters: parameters)
        let verdicts = Dictionary(uniqueKeysWithValues: run.checks.map { ($0.claim, $0) })
        #expect(verdicts["grid-corner"]?.verdict == .pass)
        #expect(verdicts["slope"]?.verdict == .notRun)
        #expect(verdicts["slope"]?.reason == "part 'powerlaw' was not selected (parts=grid)")
        #expect(run.results.series("err").isEmpty)
    }

    @Test("the stored row keeps the verdict, the reason, the marginal flag and the part")
    func storedRow() {
        let check = CheckResult(
            claim: "c", statement: "s", paperValue: "p", expected: .atMost(1), measurement: nil,
            verdict: .notApplicable, reason: "needs x", marginal: false)
        let row = check.storedCheck(part: "two")
        #expect(row.verdict == .notApplicable && row.detail == "needs x" && row.part == "two")
        #expect(CheckResult(stored: row) == check)
    }
}

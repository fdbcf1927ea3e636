import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Sweep report statistics")
struct SweepReportTests {
    /// Five seeds of one claim: pass (1), pass (2), fail (5), inconclusive (3), not-run.
    func data(measured: [Double?] = [1, 2, 5, 3, nil]) -> SweepReportData {
        let verdicts: [ClaimVerdict] = [.pass, .pass, .fail, .inconclusive, .notRun]
        let spec = SweepSpecification(
            experiment: "fixture-powerlaw", preset: "quick", fixed: [], axes: [], seeds: [1, 2, 3, 4, 5])
        let sweep = StoredSweep(
            sweepID: String(repeating: "a", count: 32), name: "five", experiment: "fixture-powerlaw", preset: "quick",
            spec: spec.json(), cellCount: 5, cellsPerTask: 1, createdAt: "2026-01-01T00:00:00.000Z",
            commandLine: nil)
        let cells = (0..<5).map { index in
            SweepReportData.Cell(
                index: index, assignments: [], seed: UInt64(index + 1), status: .finished,
                runID: String(repeating: "\(index)", count: 32),
                checks: [
                    StoredCheck(
                        claim: "C", statement: "c holds", paper: "p", expected: "≤ 4", expectedLow: nil,
                        expectedHigh: 4, measured: measured[index], ciLow: nil, ciHigh: nil, detail: nil,
                        verdict: verdicts[index])
                ], run: nil)
        }
        return SweepReportData(
            descriptor: PowerLawFixture().descriptor, sweep: sweep, spec: spec, cells: cells, databaseName: "x.sqlite")
    }

    @Test("pass rate, counts, failing seeds and the measured summary match a hand count")
    func handCount() throws {
        let summary = ClaimRobustness(claim: "C", in: data())
        #expect(summary.pass == 2 && summary.fail == 1 && summary.inconclusive == 1 && summary.notEvaluated == 1)
        #expect(summary.passRate == 0.5, "2 passes among 4 evaluated cells (not-run is not evaluated)")
        #expect(summary.measured == [1, 2, 5, 3])
        #expect(summary.mean == 2.75)
        #expect(summary.failingCells == ["seed 3"])
        #expect(summary.inconclusiveCells == ["seed 4"])
    }

    @Test("the bootstrap interval of the mean is reproducible, inside the data range, around the mean")
    func bootstrap() throws {
        let summary = ClaimRobustness(claim: "C", in: data())
        let interval = try #require(summary.bootstrapInterval)
        #expect(interval.low == summary.bootstrapInterval?.low && interval.high == summary.bootstrapInterval?.high)
        // Every resample mean lies between the smallest and the largest value.
        #expect(interval.low >= 1 && interval.high <= 5)
        #expect(interval.low < 2.75 && 2.75 < interval.high)
        // Resampling constant data gives the constant.
        let constant = ClaimRobustness(claim: "C", in: data(measured: [2, 2, 2, 2, nil]))
        #expect(constant.bootstrapInterval?.low == 2 && constant.bootstrapInterval?.high == 2)
    }

    @Test("the report is byte-identical on every rendering and its closing note names the failing claim and seed")
    func rendering() throws {
        let first = SweepReport.render(data())
        let second = SweepReport.render(data())
        #expect(first == second)
        #expect(first.map(\.name).prefix(3) == ["seeds.md", "seeds-claims.csv", "seeds-cells.csv"])
        let markdown = first[0].contents
        #expect(markdown.contains("Pass rate of every claim: C 2/4 (50 %)"))
        #expect(markdown.contains("Claims that fail in some cells: C (fails for seed 3)"))
        #expect(first[1].contents.contains("C,4,2,1,1,1,0.5,2.75,1.0,5.0,"))
    }
}

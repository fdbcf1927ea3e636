import Foundation
import Testing
import WorkbenchCore
import WorkbenchStore
@testable import TokenSampleComplexity

@Suite("token-sample-complexity runs")
struct ExperimentRunTests {
    @Test func reducedRunRecordsEveryPartAndEvaluatesClaims() throws {
        let run = try RunHarness.run(RunHarness.parameters(preset: "quick", RunHarness.reduced))
        let results = run.results
        // Every part recorded its series.
        #expect(results.series("uniform.R0.5.sup.err_mean").count == 3)
        #expect(results.series("moments.H3.cov.err_mean").count == 3)
        #expect(results.series("hardmax.annealed.d3.err_times_ln_n").count == 3)
        #expect(results.series("hardmax.sphere.d8.oracle").count == 3)
        #expect(results.series("hardmax.gauss.max_oracle").count == 3)
        #expect(results.series("hardmax.gauss.s5.gap_mean").count == 3)
        #expect(results.scalar("moments.H1.H_eff").map { abs($0 - 1) < 1e-12 } == true)
        #expect(results.scalar("moments.H1.H_code").map { abs($0 - 2) < 1e-12 } == true)  // √4 · 1
        #expect(results.scalar("uniform.sigma1").map { abs($0 - 1) < 1e-12 } == true)
        #expect(results.metrics.allSatisfy { !$0.value.isNaN || $0.key.contains("boot") })
        // Keys carry their coordinates.
        let sup = try #require(results.metrics.first { $0.key == "uniform.R0.5.sup.err_mean" })
        #expect(sup.coordinates == [MetricCoordinate("R", .number(0.5))])
        let cov = try #require(results.metrics.first { $0.key == "moments.H3.cov.bias_frac" })
        #expect(cov.coordinates == [MetricCoordinate("H", .number(3)), MetricCoordinate("moment", .text("cov"))])
        // Claims of configurations in the reduced grids are measured; the others (R = 1,
        // H = 0.25, d = 32, …) do not apply to this run.
        let verdicts = RunHarness.verdicts(run)
        for measured in [
            "E1-a.R0.5", "E1-b.R2", "E1-b.flatten", "E1-c.R0.5", "E1-c.growth", "E2-c.cov.H3",
            "E2-b.H1", "E2-c.spearman", "E2-c.order", "E3a.deterministic", "E3b.d3", "E3b.z",
            "E3c.z", "E3c.order", "E3c.decrease", "E3c.floor", "E3c.slope",
        ] {
            #expect(verdicts[measured]?.verdict.isDecided == true, "\(measured) should be measured")
        }
        for absent in ["E1-a.R1", "E2-a.mean.H0.25", "E3b.d32", "E2-c.cov.H2", "X1.H2", "E3a.limit", "E3a.monotone"] {
            #expect(verdicts[absent]?.verdict == .notApplicable, "\(absent) has no data in this grid")
        }
        // Sanity of the physics even at this size: exact oracles agree and τ_n ≤ M_n.
        #expect(verdicts["E3c.order"]?.verdict == .pass)
        #expect(verdicts["E3b.z"]?.verdict == .pass)
        #expect(verdicts["E3a.deterministic"]?.verdict == .pass)
    }

    @Test func resultsAreBitIdenticalForOneAndTwoWorkers() throws {
        let parameters = try RunHarness.parameters(preset: "quick", RunHarness.reduced)
        let one = try RunHarness.run(parameters, workers: 1).results.metrics
        let two = try RunHarness.run(parameters, workers: 2).results.metrics
        #expect(one.count == two.count)
        #expect(one == two)  // MetricPoint equality compares IEEE-754 bits.
        let otherSeed = try RunHarness.run(parameters, workers: 2, seed: 7).results.metrics
        #expect(one != otherSeed)
    }

    /// `parts=hardmax` runs the hardmax part only; the other parts' claims are `not-run` with the
    /// selection as reason.
    @Test func unselectedPartsAreNotRun() throws {
        let run = try RunHarness.run(RunHarness.parameters(preset: "quick", RunHarness.reduced + ["parts=hardmax"]))
        #expect(run.results.seriesKeys(prefix: "uniform.").isEmpty)
        #expect(run.results.seriesKeys(prefix: "moments.").isEmpty)
        #expect(!run.results.seriesKeys(prefix: "hardmax.").isEmpty)
        for check in run.checks
        where check.claim.hasPrefix("E1") || check.claim.hasPrefix("E2") || check.claim.hasPrefix("X1") {
            #expect(check.verdict == .notRun, "\(check.claim)")
            #expect(check.reason?.contains("was not selected (parts=hardmax)") == true, "\(check.reason ?? "")")
        }
        #expect(run.checks.filter { $0.claim.hasPrefix("E3") }.allSatisfy { $0.verdict != .notRun })
        #expect(run.checks.contains { $0.claim.hasPrefix("E3") && $0.verdict.isDecided })
    }

    @Test func reportHasTablesAndFigures() throws {
        let results = try RunHarness.run(RunHarness.parameters(preset: "quick", RunHarness.reduced)).results
        let content = RunHarness.experiment.report(results)
        var tables = [String: ReportTable]()
        var figures = [String: ReportFigure]()
        for block in content.blocks {
            if case .table(let table) = block { tables[table.id] = table }
            if case .figure(let figure) = block { figures[figure.id] = figure }
        }
        #expect(
            Set(tables.keys).isSuperset(of: [
                "uniform-error", "uniform-rates", "moments-rates", "hardmax-annealed", "hardmax-sphere-rates",
                "hardmax-gauss",
            ]))
        #expect(tables["uniform-error"]?.rows.count == 3)
        #expect(tables["uniform-rates"]?.rows.count == 2)
        #expect(tables["moments-rates"]?.rows.count == 3)
        #expect(tables["hardmax-sphere-rates"]?.rows.count == 2)
        #expect(tables["hardmax-gauss"]?.rows.count == 3)
        #expect(tables["hardmax-gauss"]?.columns.last == "gap s = 5")
        let styles = figures["uniform-error"]?.series.map(\.style) ?? []
        #expect(styles.contains(.fitted) && styles.contains(.reference) && styles.contains(.measured))
        #expect(figures["moments-beta"]?.series.contains { $0.label.hasPrefix("β(H)") } == true)
        // The report is a pure function of the results.
        let again = RunHarness.experiment.report(results)
        #expect(again.blocks.count == content.blocks.count)
    }
}

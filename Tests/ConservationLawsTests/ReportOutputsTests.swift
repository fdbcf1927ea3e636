import Foundation
import Testing
import WorkbenchCore

@testable import ConservationLaws

/// What the quick run adds for the report: per-architecture seconds (a wall-clock timing), the
/// drift checkpoints of `gd_drift.csv` and the kernel polynomials of `poly_laws.csv`.
@Suite("conservation-laws report outputs")
struct ReportOutputsTests {
    @Test("every counted architecture has its seconds, declared as a wall-clock timing")
    func secondsPerArchitecture() throws {
        let run = try RunHarness.quick.get()
        let descriptor = RunHarness.experiment.descriptor
        let archs = run.results.scalarKeys(prefix: "count.").filter { $0.hasSuffix(".n_laws") }
        #expect(!archs.isEmpty)
        for key in archs {
            let seconds = key.replacingOccurrences(of: ".n_laws", with: ".seconds")
            #expect((run.results.scalar(seconds) ?? -1) >= 0, "\(seconds)")
            #expect(descriptor.isWallClockTiming(seconds))
        }
        #expect(!descriptor.isWallClockTiming(archs[0]))
    }

    @Test("the last drift checkpoint (t = T) is the trajectory's maximum, and the checkpoints never decrease")
    func driftCheckpoints() throws {
        let run = try RunHarness.quick.get()
        let horizon = run.results.parameters[ConservationLawsExperiment.gdHorizon]
        for model in ["linear", "relu"] {
            let etas = run.results.series("gd.\(model).law_drift_abs")
            #expect(!etas.isEmpty)
            for point in etas {
                let law = run.results.series(DriftMetricKeys.trajectory(model, eta: point.x, "law_drift_t").text)
                let nonlaw = run.results.series(
                    DriftMetricKeys.trajectory(model, eta: point.x, "nonlaw_drift_t").text)
                #expect(law.count == DriftMeasurement.checkpointFractions.count)
                #expect(zip(law, law.dropFirst()).allSatisfy { $0.value <= $1.value })
                #expect(abs((law.last?.x ?? 0) - horizon) <= point.x / 2)
                #expect(law.last?.value == point.value)
                #expect(nonlaw.last?.value == run.results.value("gd.\(model).nonlaw_drift_abs", at: point.x))
            }
        }
    }

    @Test("poly_laws: lin:2-2-2's three laws are the entries of U1ᵀU1 − U2U2ᵀ in echelon form")
    func foundLaws() throws {
        let run = try RunHarness.run(RunHarness.parameters(["parts=poly", "polyArchs=lin:2-2-2"]))
        let artifact = try #require(run.results.artifact(PolyStudy.lawsArtifact))
        let lines = artifact.content.split(separator: "\n").dropFirst().map(String.init)
        #expect(lines.count == 3)
        // The off-diagonal law Σ_i U1[i,0]U1[i,1] − Σ_k U2[0,k]U2[1,k], leading coefficient 1.
        #expect(
            lines.contains {
                $0.hasPrefix("lin:2-2-2\t")
                    && $0.hasSuffix(
                        "U1[0,0]·U1[0,1] + U1[1,0]·U1[1,1] - U2[0,0]·U2[1,0] - U2[0,1]·U2[1,1]")
            }, "\(lines)")
    }
}

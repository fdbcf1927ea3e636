import Testing
import WorkbenchCore
import WorkbenchStore

@testable import ResNetODE

/// The `gap` part end to end (in memory): the quick preset's claims and the determinism of the
/// recorded metrics across worker counts.
@Suite("gap part", .serialized)
struct GapPartTests {
    @Test("quick preset: every gap claim passes")
    func quickClaims() throws {
        let run = try TestRuns.run([TestRuns.parts.set(["gap"])])
        let gapClaims = Set(ResNetODEExperiment.gapClaims.map(\.id))
        let checks = run.checks.filter { gapClaims.contains($0.claim) }
        #expect(checks.count == gapClaims.count)
        for check in checks {
            #expect(
                check.verdict == .pass, "\(check.claim): \(String(describing: check.measurement)) \(check.reason ?? "")"
            )
        }
    }

    @Test("a reduced run records the same bits with 1 and 2 workers")
    func workerIndependence() throws {
        let settings: [PresetSetting] = [
            TestRuns.parts.set(["gap"]), Declared.depths.set([4, 8, 16, 32]), Declared.limitSteps.set(256),
        ]
        let one = try TestRuns.run(settings, workers: 1).results.metrics
        let two = try TestRuns.run(settings, workers: 2).results.metrics
        #expect(one == two)
        #expect(!one.isEmpty)
    }

    @Test("heunConvention = reference makes the Heun claim not applicable, with the reason")
    func referenceConvention() throws {
        let run = try TestRuns.run([
            TestRuns.parts.set(["gap"]), Declared.depths.set([4, 8, 16, 32]), Declared.limitSteps.set(256),
            Declared.heunConvention.set("reference"),
        ])
        let check = try #require(run.checks.first { $0.claim == "gap-heun-limit-smooth" })
        #expect(check.verdict == .notApplicable)
        #expect(check.reason?.contains("heunConvention") == true)
    }

    @Test(
        "usage errors name the parameter",
        arguments: ["depths=0,4", "residuals=gelu", "heunConvention=midpoint", "weightScale=0"])
    func usageErrors(_ assignment: String) {
        let key = String(assignment.split(separator: "=")[0])
        do {
            _ = try ParameterResolver.resolve(TestRuns.descriptor, assignments: [assignment])
            Issue.record("\(assignment) was accepted")
        } catch {
            #expect("\(error)".contains(key))
        }
    }
}

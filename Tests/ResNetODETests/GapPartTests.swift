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
        arguments: [
            "depths=0,4", "residuals=gelu", "heunConvention=midpoint", "weightScale=0", "memDepths=0",
            "trainDepths=0,2", "linDepths=1", "linIIDDepths=1", "revDepths=0", "weightSchemes=gaussian",
            "adjointSchemes=gaussian", "adjointResiduals=gelu", "revSchemes=rk5", "trainLR=0", "trainLR=-0.01",
            "linEta=0", "trainSeeds=-1", "depths=4,4",
        ])
    func usageErrors(_ assignment: String) {
        let key = String(assignment.split(separator: "=")[0])
        do {
            _ = try ParameterResolver.resolve(TestRuns.descriptor, assignments: [assignment])
            Issue.record("\(assignment) was accepted")
        } catch {
            #expect("\(error)".contains(key), "\(error)")
        }
    }

    @Test(
        "a misspelt word is answered with the closest valid one",
        arguments: [("weightSchemes=smoth", "smooth"), ("residuals=mpl", "mlp"), ("heunConvention=node", "nodes")])
    func closestWord(_ assignment: String, _ suggestion: String) {
        do {
            _ = try ParameterResolver.resolve(TestRuns.descriptor, assignments: [assignment])
            Issue.record("\(assignment) was accepted")
        } catch {
            #expect("\(error)".contains(suggestion), "\(error)")
        }
    }

    @Test("configurations are recorded before the depth-limit solutions are known, the smallest depth first")
    func incrementalRecording() throws {
        let parameters = try TestRuns.parameters([Declared.depths.set([4, 8, 16, 32]), Declared.limitSteps.set(256)])
        let sink = MemoryMetricSink()
        let context = RunContext(parameters: parameters, seed: 0, workerCount: 1, sink: sink)
        try GapStudy(parameters).run(context)
        let keys = sink.points.map(\.key)
        let firstLimit = try #require(keys.firstIndex { $0.hasSuffix("rel_limit") })
        let first = try #require(sink.points.first)
        #expect(first.key.hasSuffix("rel_pl") && first.x == 4)
        // Every configuration's piecewise-affine gap is stored before the first limit comparison.
        #expect(keys[..<firstLimit].filter { $0.hasSuffix("rel_pl") }.count == 4 * 3 * 3)
    }
}

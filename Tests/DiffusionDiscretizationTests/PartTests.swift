import Foundation
import Testing
import WorkbenchCore
import WorkbenchStore

@testable import DiffusionDiscretization

/// The parts: selection, the parameters each reads, and recording as they go.
@Suite("Parts")
struct PartTests {
    /// A tiny run of every part.
    static let tiny: [PresetSetting] = [
        Declared.spectra.set(["twoscale"]), Declared.dimension.set(4), Declared.etas.set([0, 1]),
        Declared.stepCounts.set([10, 20]), Declared.sweepEtas.set([0, 0.5]), Declared.sweepPowers.set([1, 2]),
        Declared.etaSweepDimension.set(10), Declared.powerSweepDimension.set(10), Declared.sweepStepCounts.set([20]),
        Declared.mcSamples.set(200), Declared.mcDimensions.set([2]), Declared.mcStepCounts.set([5]),
    ]

    /// A valid value different from both the default and ``tiny`` for every declared parameter
    /// (each combination with the others satisfies the cross-parameter rules).
    static let alternatives: [PresetSetting] = [
        Declared.processes.set(["vp-linear", "ve-edm"]), Declared.eps.set(2e-3), Declared.horizon.set(0.9),
        Declared.cosineHorizon.set(0.9), Declared.veEps.set(3e-3), Declared.veHorizon.set(60),
        Declared.betaMin.set(0.2), Declared.betaMax.set(15), Declared.cosineOffset.set(0.01),
        Declared.spectra.set(["pow:1.5"]), Declared.dimension.set(8), Declared.lambdaScale.set(0.5),
        Declared.veLambdaScale.set(0.5), Declared.meanScale.set(0.3), Declared.etas.set([0.25]),
        Declared.grids.set(["edm:7"]), Declared.stepCounts.set([15, 30, 700]), Declared.initialization.set("prior"),
        Declared.sweepAlphas.set([1.5]), Declared.etaSweepDimension.set(20), Declared.sweepEtas.set([0, 1]),
        Declared.sweepGrids.set(["edm:7"]), Declared.sweepPowers.set([1, 3]), Declared.powerSweepEtas.set([0.5]),
        Declared.powerSweepDimension.set(20), Declared.sweepStepCounts.set([30]), Declared.mcSamples.set(300),
        Declared.mcDimensions.set([3]), Declared.mcStepCounts.set([7]), Declared.mcEtas.set([0.5]),
        Declared.mcMeanScale.set(0.2), Declared.mcGrid.set("power:2"), Declared.extensionGrid.set("power:2"),
    ]

    @Test("The alternatives cover every declared parameter")
    func alternativesCoverParameters() {
        let declared = Set(TestRuns.descriptor.declaredParameters.map(\.key))
        #expect(Set(Self.alternatives.map(\.key)) == declared)
        #expect(Self.alternatives.count == declared.count)
        for part in TestRuns.descriptor.parts {
            #expect(Set(part.parameters.map(\.key)).isSubset(of: declared), "\(part.name)")
        }
    }

    @Test("Each part reads no parameter it does not declare", arguments: TestRuns.descriptor.parts.map(\.name))
    func partReadsOnlyDeclaredParameters(part name: String) throws {
        let part = try #require(TestRuns.descriptor.part(name))
        let declared = Set(part.parameters.map(\.key))
        let selection = TestRuns.parts.set([name])
        let baseline = try TestRuns.run(Self.tiny + [selection]).results
        let others = Self.alternatives.filter { !declared.contains($0.key) }
        let perturbed = try TestRuns.run(Self.tiny + others + [selection]).results
        #expect(!baseline.metrics.isEmpty)
        #expect(baseline.metrics == perturbed.metrics)
        // The check can fail: changing every parameter changes the part's metrics.
        let everything = try TestRuns.run(Self.tiny + Self.alternatives + [selection]).results
        #expect(baseline.metrics != everything.metrics)
    }

    @Test("Each parameter a part declares changes its metrics", arguments: TestRuns.descriptor.parts.map(\.name))
    func partReadsEveryDeclaredParameter(part name: String) throws {
        let part = try #require(TestRuns.descriptor.part(name))
        // All three processes and a pow:α spectrum, so that every window and `dimension` matter.
        let baseline =
            Self.tiny + [
                TestRuns.parts.set([name]), Declared.processes.set(ForwardProcess.names),
                Declared.spectra.set(["pow:1", "twoscale"]),
            ]
        let reference = try TestRuns.run(baseline).results.metrics
        for parameter in part.parameters {
            let alternative = try #require(Self.alternatives.first { $0.key == parameter.key })
            let changed = try TestRuns.run(baseline + [alternative]).results.metrics
            #expect(changed != reference, "\(name) does not depend on \(parameter.key)")
        }
    }

    @Test("parts= runs only the selected parts; the other parts' claims are not-run with the reason")
    func restrictedParts() throws {
        let run = try TestRuns.run(Self.tiny + [TestRuns.parts.set(["oracles", "extensions"])])
        let families = Set(run.results.metrics.map { String($0.key.prefix { $0 != "." }) })
        #expect(families == ["oracle", "ext"])
        for part in TestRuns.descriptor.parts {
            for claim in part.claims {
                let check = try #require(TestRuns.check(claim.id, in: run))
                if part.name == "oracles" {
                    #expect(check.verdict == .pass, "\(claim.id)")
                } else if part.name == "extensions" {
                    // K ∈ {10, 20} has no point in A7's window [80, 320].
                    #expect(check.verdict == .notApplicable, "\(claim.id)")
                } else {
                    #expect(check.verdict == .notRun, "\(claim.id)")
                    #expect(check.reason?.contains("part '\(part.name)' was not selected") == true)
                }
            }
        }
        // The report shows the sections of the parts that ran, and only those.
        let tables = TestRuns.experiment.report(run.results).blocks.compactMap { block -> String? in
            if case .table(let table) = block { return table.id }
            return nil
        }
        #expect(tables == ["oracles", "samplers_vp-linear"])
    }

    /// Counts the batches a part hands to the sink.
    final class CountingSink: MetricSink, @unchecked Sendable {
        private let lock = NSLock()
        private var batches = 0
        var count: Int { lock.withLock { batches } }
        func append(_ points: [MetricPoint]) throws { lock.withLock { batches += 1 } }
        func append(_ artifact: RunArtifact) throws {}
    }

    @Test("Parts record each configuration as soon as it is computed, not at their end")
    func recordsAsItGoes() throws {
        let parameters = try TestRuns.parameters(Self.tiny + [Declared.processes.set(["vp-linear", "ve-edm"])])
        // Batches: convergence 2 processes × 1 spectrum × 2 grids × 2 η; sweeps 2 processes × 3 α ×
        // (2 grids + 2 η) groups; Monte Carlo 2 processes × 1 d × 2 η × 1 K; extensions
        // 2 processes × 3 samplers; kernel 2 processes × 2 grids; oracles 3 processes × 2 values.
        let expected = [
            "convergence": 8, "sweeps": 24, "monte-carlo": 4, "extensions": 6, "kernel": 4, "oracles": 6,
        ]
        for part in TestRuns.descriptor.parts {
            let sink = CountingSink()
            try part.run(RunContext(parameters: parameters, seed: 1, workerCount: 2, sink: sink))
            #expect(sink.count == expected[part.name], "\(part.name): \(sink.count) batches")
        }
    }
}

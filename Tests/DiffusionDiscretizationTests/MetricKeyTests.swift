import Foundation
import Testing
import WorkbenchCore

@testable import DiffusionDiscretization

/// Recorded keys and the declared metric families agree, and keys carry their coordinates.
@Suite("Metric keys")
struct MetricKeyTests {
    @Test("Every key of a quick run matches a declared family, and every family is recorded")
    func keysMatchSpecs() throws {
        let quick = try TestRuns.run([]).results
        // `input.{spectrum}.eigenvalue` is recorded only for spectra read from files.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eigs-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("1\n0.5\n".utf8).write(to: URL(fileURLWithPath: path))
        let file = try TestRuns.run([
            TestRuns.parts.set(["convergence"]), Declared.spectra.set(["file:\(path)"]), Declared.stepCounts.set([10]),
        ]).results
        let specs = DiffusionDiscretizationExperiment.metricSpecs
        let keys = Set(quick.metrics.map(\.key)).union(file.metrics.map(\.key))
        for key in keys {
            #expect(specs.contains { $0.matches(key) }, "\(key) matches no declared family")
        }
        for spec in specs {
            #expect(keys.contains { spec.matches($0) }, "\(spec.key) matches no recorded key")
        }
    }

    @Test("Keys are the core's: coordinates in order, numbers in its format")
    func coordinates() throws {
        let run = try TestRuns.run([
            TestRuns.parts.set(["convergence", "sweeps", "monte-carlo"]), Declared.spectra.set(["pow:0.5"]),
            Declared.dimension.set(4), Declared.stepCounts.set([10, 20]), Declared.etas.set([0.5]),
            Declared.grids.set(["power:2"]), Declared.sweepAlphas.set([0.5]), Declared.sweepEtas.set([0, 0.5]),
            Declared.sweepPowers.set([1, 2]), Declared.etaSweepDimension.set(4), Declared.powerSweepDimension.set(4),
            Declared.mcSamples.set(100), Declared.mcDimensions.set([2]), Declared.mcStepCounts.set([5]),
        ])
        func point(_ key: String) -> MetricPoint? { run.results.metrics.first { $0.key == key } }
        let w2 = try #require(point("w2.vp-linear.pow0.5.power2.eta0.5"))
        #expect(
            w2.coordinates == [
                MetricCoordinate("process", .text("vp-linear")), MetricCoordinate("spectrum", .text("pow0.5")),
                MetricCoordinate("grid", .text("power2")), MetricCoordinate("eta", .number(0.5)),
            ])
        let optimum = try #require(point("etastar.K200.vp-linear.pow0.5.power2"))
        #expect(
            optimum.coordinates == [
                MetricCoordinate("K", .number(200)), MetricCoordinate("process", .text("vp-linear")),
                MetricCoordinate("spectrum", .text("pow0.5")), MetricCoordinate("grid", .text("power2")),
            ])
        let mc = try #require(point("mc.vp-linear.d2.eta1.K5.fd_mc"))
        #expect(mc.coordinates.map(\.name) == ["process", "d", "eta", "K"])
    }
}

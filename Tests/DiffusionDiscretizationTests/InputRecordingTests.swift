import Foundation
import Testing
import WorkbenchCore

@testable import DiffusionDiscretization

/// A spectrum read from a file is part of the run's data: its eigenvalues are recorded (so the
/// result digest, and `workbench verify`, change when the file changes) and the file is
/// attached — once per run, by the `convergence` part, the only part that reads `spectra`.
@Suite("Input recording")
struct InputRecordingTests {
    @Test("file spectra are recorded as a series and attached to the run, once")
    func fileSpectrumRecorded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spectrum-\(UUID().uuidString).txt")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func run(_ contents: String, parts: [String]) throws -> MemoryRun {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            return try TestRuns.run([
                TestRuns.parts.set(parts), Declared.spectra.set(["file:\(path)"]), Declared.stepCounts.set([10, 20]),
                Declared.etas.set([0]), Declared.grids.set(["uniform"]), Declared.mcSamples.set(100),
                Declared.mcDimensions.set([2]), Declared.mcStepCounts.set([5]), Declared.sweepStepCounts.set([20]),
                Declared.etaSweepDimension.set(10), Declared.sweepEtas.set([0, 1]), Declared.sweepPowers.set([1, 2]),
            ])
        }
        let label = try #require(SpectrumSpecification("file:\(path)")).label
        let key = "input.\(label).eigenvalue"
        let first = try run("# eigenvalues\n1.0\n0.25\n0.01\n", parts: ["convergence"])
        #expect(first.results.series(key).map(\.value) == [1.0, 0.25, 0.01])
        #expect(first.results.artifacts.map(\.content) == ["# eigenvalues\n1.0\n0.25\n0.01\n"])
        let second = try run("1.0\n0.25\n0.02\n", parts: ["convergence"])
        #expect(ResultDigest.of(first.results.metrics) != ResultDigest.of(second.results.metrics))

        // All parts together still record the input once (a second record would throw) and
        // attach the file once; without the convergence part nothing reads the file.
        let all = try run("1.0\n0.5\n", parts: TestRuns.descriptor.parts.map(\.name))
        #expect(all.results.series(key).count == 2)
        #expect(all.results.artifacts.count == 1)
        let others = try run("1.0\n0.5\n", parts: ["kernel", "oracles", "sweeps", "monte-carlo", "extensions"])
        #expect(others.results.series(key).isEmpty)
        #expect(others.results.artifacts.isEmpty)
    }
}

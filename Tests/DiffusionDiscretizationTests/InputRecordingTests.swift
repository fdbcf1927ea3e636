import Foundation
import Testing
import WorkbenchCore

@testable import DiffusionDiscretization

/// A spectrum read from a file is part of the run's data: its eigenvalues are recorded (so the
/// result digest, and `workbench verify`, change when the file changes) and the file is attached.
@Suite("Input recording")
struct InputRecordingTests {
    @Test("file spectra are recorded as a series and attached to the run")
    func fileSpectrumRecorded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spectrum-\(UUID().uuidString).txt")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func run(_ contents: String) throws -> (RunResults, MemoryMetricSink) {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            let experiment = DiffusionDiscretizationExperiment()
            var values = [String: ParameterValue]()
            for spec in experiment.descriptor.parameters { values[spec.key] = spec.defaultValue }
            values["spectra"] = .textList(["file:\(path)"])
            values["Ks"] = .intList([10, 20])
            values["etas"] = .realList([0])
            values["grids"] = .textList(["uniform"])
            values["optimize"] = .bool(false)
            values["monteCarlo"] = .bool(false)
            values["extensions"] = .bool(false)
            let parameters = ParameterSet(values)
            let sink = MemoryMetricSink()
            try experiment.run(RunContext(parameters: parameters, seed: 1, sink: sink))
            return (
                RunResults(
                    runID: "", experiment: "", preset: "", seed: 1, parameters: parameters, metrics: sink.points),
                sink
            )
        }
        let (first, sink) = try run("# eigenvalues\n1.0\n0.25\n0.01\n")
        let label = try #require(SpectrumSpecification("file:\(path)")).label
        #expect(first.series("input.\(label).eigenvalue").map(\.value) == [1.0, 0.25, 0.01])
        #expect(sink.artifacts.first?.content == "# eigenvalues\n1.0\n0.25\n0.01\n")
        let (second, _) = try run("1.0\n0.25\n0.02\n")
        #expect(ResultDigest.of(first.metrics) != ResultDigest.of(second.metrics))
    }
}

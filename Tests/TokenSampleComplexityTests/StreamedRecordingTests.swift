import Foundation
import Testing
import WorkbenchCore
@testable import TokenSampleComplexity

/// A sink that remembers the batches it received, in order.
final class BatchSink: MetricSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [[MetricPoint]] = []

    func append(_ points: [MetricPoint]) throws { lock.withLock { stored.append(points) } }
    func append(_ artifact: RunArtifact) throws {}

    var batches: [[MetricPoint]] { lock.withLock { stored } }
}

/// Parts record as they go: the points of each token count reach the sink before the next token
/// count is computed, not in one batch at the end.
@Suite("token-sample-complexity streamed recording")
struct StreamedRecordingTests {
    static func batches(_ part: String) throws -> [[MetricPoint]] {
        let experiment = TokenSampleComplexityExperiment()
        let parameters = try RunHarness.parameters(preset: "quick", RunHarness.reduced + ["parts=\(part)"])
        let sink = BatchSink()
        let context = RunContext(parameters: parameters, seed: 1, workerCount: 2, sink: sink)
        _ = try PartExecution.run(experiment.descriptor, context: context)
        return sink.batches
    }

    /// The batch index at which each abscissa of `key` arrived.
    static func arrival(_ batches: [[MetricPoint]], _ key: String) -> [Double: Int] {
        var result = [Double: Int]()
        for (index, batch) in batches.enumerated() {
            for point in batch where point.key == key { result[point.x ?? .nan] = index }
        }
        return result
    }

    @Test(arguments: [
        ("uniform", "uniform.R0.5.sup.err_mean", "uniform.R0.5.sup.slope_ols"),
        ("moments", "moments.H1.cov.err_mean", "moments.H1.cov.slope_ols"),
        ("hardmax", "hardmax.annealed.d3.err_mean", "hardmax.annealed.d3.fit_inverse_log_slope"),
        ("hardmax", "hardmax.sphere.d8.err_mean", "hardmax.sphere.d8.slope_ols"),
        ("hardmax", "hardmax.gauss.s5.gap_mean", "hardmax.gauss.tau_above_max_count"),
    ])
    func eachTokenCountIsRecordedWhenDone(part: String, series: String, final: String) throws {
        let batches = try Self.batches(part)
        let arrivals = Self.arrival(batches, series)
        #expect(arrivals.count == 3)
        let order = arrivals.sorted { $0.key < $1.key }.map(\.value)
        #expect(order == order.sorted() && Set(order).count == order.count, "\(series): batches \(order)")
        let finalBatch = batches.firstIndex { $0.contains { $0.key == final } }
        #expect(finalBatch.map { $0 > (order.last ?? .max) } == true, "\(final) after the last n")
    }
}

/// Each repetition is recorded on its own, from the loop body, before the summary of its `n`.
@Suite("token-sample-complexity per-repetition recording")
struct RepetitionRecordingTests {
    @Test(arguments: [
        ("uniform", "uniform.R2.sup", 1024, 4), ("moments", "moments.H3.cov", 512, 4),
        ("hardmax", "hardmax.annealed.d3", 1024, 8), ("hardmax", "hardmax.sphere.d8", 256, 20),
    ])
    func repetitionsArriveBeforeTheirSummary(part: String, prefix: String, n: Int, reps: Int) throws {
        let batches = try StreamedRecordingTests.batches(part)
        let repetitions = StreamedRecordingTests.arrival(batches, "\(prefix).n\(n).err")
        #expect(repetitions.keys.sorted() == (0..<reps).map(Double.init))
        let summary = StreamedRecordingTests.arrival(batches, "\(prefix).err_mean")[Double(n)]
        #expect(summary.map { s in repetitions.values.allSatisfy { $0 < s } } == true)
    }
}

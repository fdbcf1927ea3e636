import Foundation
import Testing
import WorkbenchStore
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Wall-clock timing families stand outside bit-reproducibility")
struct WallClockTimingTests {
    let descriptor = SleepFixture().descriptor

    @Test("only keys of a family declared as a timing are left out of the reproducible points")
    func reproduciblePoints() {
        #expect(descriptor.isWallClockTiming("tick.seconds"))
        #expect(!descriptor.isWallClockTiming("tick"))
        let points = [
            MetricPoint("tick", x: 0, 0), MetricPoint("tick.seconds", x: 0, 0.25), MetricPoint("tick", x: 1, 1),
        ]
        #expect(descriptor.reproducible(points).map(\.key) == ["tick", "tick"])
        #expect(PowerLawFixture().descriptor.reproducible(points).count == 3)
    }

    @Test("the digest of a run is unchanged when only timing values differ, and changes with any other value")
    func digestIgnoresTimings() {
        let points = [MetricPoint("tick", x: 0, 0), MetricPoint("tick.seconds", x: 0, 0.25)]
        let retimed = [MetricPoint("tick", x: 0, 0), MetricPoint("tick.seconds", x: 0, 7.5)]
        let edited = [MetricPoint("tick", x: 0, 1e-300), MetricPoint("tick.seconds", x: 0, 0.25)]
        let digest = ResultDigest.of(descriptor.reproducible(points))
        #expect(digest == ResultDigest.of(descriptor.reproducible(retimed)))
        #expect(digest != ResultDigest.of(descriptor.reproducible(edited)))
    }

    @Test("two runs of one configuration store their own seconds and share one digest over the rest")
    func rerunsShareTheDigest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("db.sqlite")
        let experiment = SleepFixture()
        let parameters = try ParameterResolver.resolve(
            experiment.descriptor, assignments: ["steps=3", "interval=0.01", "timed=true"])
        let request = RunRequest(
            experiment: experiment, parameters: parameters, preset: "quick", seed: 0, databasePath: path,
            workers: 1, commandLine: "test", inputLocation: InputLocation(root: directory.url))
        let first = try Runner.execute(request)
        let second = try Runner.execute(request)
        #expect(first.status == .finished && second.status == .finished)
        #expect(first.resultDigest == second.resultDigest)
        let store = try RunStore(path: path, mode: .readOnly)
        let stored = try store.metrics(first.runID).map { MetricPoint($0.key, x: $0.x, $0.value) }
        #expect(stored.filter { $0.key == "tick.seconds" }.count == 3)
        #expect(first.resultDigest == ResultDigest.of(stored.filter { $0.key == "tick" }))
    }
}

import Foundation
import WorkbenchCore

/// `fixture-sleep`: records `steps` points, sleeping `interval` seconds after each, so a test can
/// signal or kill the process while a run is in progress (or, with `interval=0`, write many
/// points quickly).
public struct SleepFixture: Experiment {
    public init() {}

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "fixture-sleep", title: "Fixture: slow run",
            paper: PaperReference(authors: "Nobody", title: "A fixture", venue: "tests"),
            summary: "Sleeps while recording points.",
            parameters: [
                ParameterSpec("steps", .int(600), doc: "points to record", constraint: .atLeastOne),
                ParameterSpec("interval", .real(0.05), doc: "seconds between points", constraint: .nonNegative),
            ],
            claims: [], metrics: [MetricSpec("tick", "elapsed step", unit: "vs step")])
    }

    public func run(_ context: RunContext) throws {
        let steps = try context.parameters.int("steps")
        let interval = try context.parameters.real("interval")
        for step in 0..<steps {
            try context.record("tick", x: Double(step), Double(step) * interval)
            if interval > 0 { Thread.sleep(forTimeInterval: interval) }
        }
    }

    public func report(_ results: RunResults) -> ReportContent { ReportContent() }
}

import Foundation
import WorkbenchCore

/// `fixture-sleep`: records one point every `interval` seconds for `duration` seconds, so a test
/// can signal or kill the process while a run is in progress.
public struct SleepFixture: Experiment {
    public init() {}

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "fixture-sleep", title: "Fixture: slow run",
            paper: PaperReference(authors: "Nobody", title: "A fixture", venue: "tests"),
            summary: "Sleeps while recording points.",
            parameters: [
                ParameterSpec("duration", .real(30), doc: "seconds to run", constraint: .nonNegative),
                ParameterSpec("interval", .real(0.05), doc: "seconds between points", constraint: .positive),
            ],
            claims: [], metrics: [MetricSpec("tick", "elapsed step", unit: "vs step")])
    }

    public func run(_ context: RunContext) throws {
        let duration = try context.parameters.real("duration")
        let interval = try context.parameters.real("interval")
        let steps = Int((duration / interval).rounded())
        for step in 0..<steps {
            try context.record("tick", x: Double(step), Double(step) * interval)
            Thread.sleep(forTimeInterval: interval)
        }
    }

    public func report(_ results: RunResults) -> ReportContent { ReportContent() }
}

import Foundation
import WorkbenchCore

/// `fixture-sleep`: records `steps` points, sleeping `interval` seconds after each, so a test can
/// signal or kill the process while a run is in progress (or, with `interval=0`, write many
/// points quickly).
public struct SleepFixture: Experiment {
    public init() {}

    static let steps = Parameter<Int>("steps", default: 600, doc: "points to record", constraint: .atLeastOne)
    static let interval = Parameter<Double>(
        "interval", default: 0.05, doc: "seconds between points", constraint: .nonNegative)

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "fixture-sleep", title: "Fixture: slow run",
            paper: PaperReference(authors: "Nobody", title: "A fixture", venue: "tests"),
            summary: "Sleeps while recording points.",
            parameters: [Self.steps, Self.interval],
            parts: [
                ExperimentPart(
                    "ticks", summary: "record a point, then sleep", parameters: [Self.steps, Self.interval]
                ) { context in
                    let interval = context[Self.interval]
                    for step in 0..<context[Self.steps] {
                        try context.record("tick", x: Double(step), Double(step) * interval)
                        if interval > 0 { Thread.sleep(forTimeInterval: interval) }
                    }
                }
            ],
            metrics: [MetricSpec("tick", "elapsed step", unit: "vs step")])
    }

    public func report(_ results: RunResults) -> ReportContent { ReportContent() }
}

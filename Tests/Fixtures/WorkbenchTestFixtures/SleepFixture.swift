import Foundation
import WorkbenchCore

/// `fixture-sleep`: records `steps` points, sleeping `interval` seconds after each, so a test can
/// signal or kill the process while a run is in progress (or, with `interval=0`, write many
/// points quickly). With `timed=true` it also records `tick.seconds`, the wall-clock time since
/// the part started, a family declared as a wall-clock timing.
public struct SleepFixture: Experiment {
    public init() {}

    static let steps = Parameter<Int>("steps", default: 600, doc: "points to record", constraint: .atLeastOne)
    static let interval = Parameter<Double>(
        "interval", default: 0.05, doc: "seconds between points", constraint: .nonNegative)
    static let timed = Parameter<Bool>("timed", default: false, doc: "also record the elapsed wall-clock seconds")

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "fixture-sleep", title: "Fixture: slow run",
            paper: PaperReference(authors: "Nobody", title: "A fixture", venue: "tests"),
            summary: "Sleeps while recording points.",
            parameters: [Self.steps, Self.interval, Self.timed],
            parts: [
                ExperimentPart(
                    "ticks", summary: "record a point, then sleep",
                    parameters: [Self.steps, Self.interval, Self.timed]
                ) { context in
                    let interval = context[Self.interval]
                    let started = Date()
                    for step in 0..<context[Self.steps] {
                        try context.record("tick", x: Double(step), Double(step) * interval)
                        if context[Self.timed] {
                            try context.record("tick.seconds", x: Double(step), Date().timeIntervalSince(started))
                        }
                        if interval > 0 { Thread.sleep(forTimeInterval: interval) }
                    }
                }
            ],
            metrics: [
                MetricSpec("tick", "elapsed step", unit: "vs step"),
                MetricSpec(
                    "tick.seconds", "wall-clock seconds since the part started", unit: "s, vs step",
                    recordedOnlyWhen: "timed=true", wallClockTiming: true),
            ])
    }

    public func report(_ results: RunResults) -> ReportContent { ReportContent() }
}

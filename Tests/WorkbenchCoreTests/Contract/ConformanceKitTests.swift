import Foundation
import Testing
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Conformance kit")
struct ConformanceKitTests {
    @Test("the power-law fixture conforms except where it is built not to")
    func powerLaw() throws {
        let problems = try ExperimentConformance(PowerLawFixture()).problems()
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.contains("claim absent is inconclusive in a quick run: metric 'never.recorded' was not recorded"))
        #expect(problems.contains { $0.hasPrefix("claim weights-sum is not-run in a quick run: input 'weights'") })
        #expect(problems.contains("recorded key 'err' matches no declared metric") == false)
        #expect(problems.contains { $0.hasPrefix("parts run alone") } == false)
    }

    @Test("a part that depends on another part's run, or on the worker count, is caught")
    func hiddenDependencies() throws {
        let problems = try ExperimentConformance(OrderDependentExperiment()).problems()
        #expect(
            problems.contains { $0.hasPrefix("parts run alone with 1 worker differ from the full run") }, "\(problems)")
        #expect(problems.contains("part 'second' reads undeclared parameter 'ghost'"))
        #expect(problems.contains("parameter 'size' has no doc string"))
    }
}

/// A deliberately broken experiment: `second` reads what `first` left in a shared box (hidden
/// ordering), declares a parameter the experiment does not, and `size` has no doc string.
private struct OrderDependentExperiment: Experiment {
    static let size = Parameter<Int>("size", default: 3, doc: "")
    static let ghost = Parameter<Int>("ghost", default: 1, doc: "not declared by the experiment")
    static let box = SharedBox()

    final class SharedBox: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0.0
        func set(_ v: Double) { lock.withLock { value = v } }
        func get() -> Double { lock.withLock { value } }
    }

    var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "order-dependent", title: "t", paper: PaperReference(authors: "a", title: "t", venue: "v"),
            summary: "", parameters: [Self.size],
            parts: [
                ExperimentPart("first", summary: "sets the box", parameters: [Self.size]) { context in
                    Self.box.set(Double(context[Self.size]))
                    try context.record("first", 1)
                },
                ExperimentPart("second", summary: "reads the box", parameters: [Self.ghost]) { context in
                    try context.record("second", Self.box.get())
                    Self.box.set(0)
                },
            ],
            metrics: [MetricSpec("first", "one"), MetricSpec("second", "the box")])
    }

    func report(_ results: RunResults) -> ReportContent { ReportContent() }
}

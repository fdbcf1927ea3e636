import Testing
import WorkbenchTestFixtures

@testable import AttentionLipschitz

/// The contract's conformance kit on this experiment (declarations, a quick run through the
/// runner, parts alone against the full run bit for bit, report determinism).
@Suite("conformance", .serialized)
struct AttentionLipschitzConformanceTests {
    @Test("the conformance kit finds no problem")
    func conformance() throws {
        let problems = try ExperimentConformance(AttentionLipschitzExperiment()).problems()
        #expect(problems.isEmpty, "\(problems)")
    }
}

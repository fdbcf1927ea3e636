import Testing
import WorkbenchTestFixtures

@testable import ResNetODE

/// The contract's conformance kit on this experiment (declarations, a quick run through the
/// runner, parts alone against the full run bit for bit, report determinism).
@Suite("conformance", .serialized)
struct ConformanceTests {
    @Test("the conformance kit finds no problem")
    func conformance() throws {
        let problems = try ExperimentConformance(ResNetODEExperiment()).problems()
        #expect(problems.isEmpty, "\(problems)")
    }
}

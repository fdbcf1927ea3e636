import Foundation
import Testing
import TokenSampleComplexity
import WorkbenchCore
import WorkbenchStore
import WorkbenchTestFixtures

@Suite("token-sample-complexity on the experiment contract", .serialized)
struct ContractConformanceTests {
    @Test("the conformance kit finds no problem (quick preset through the runner, parts alone, two workers)")
    func conformance() throws {
        let problems = try ExperimentConformance(TokenSampleComplexityExperiment()).problems()
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The heaviest part of the quick preset is `hardmax` (about 12 s on one core of this machine);
    /// killed 4 s after its run row appears, it must have recorded its first studies' points.
    @Test("a run killed by SIGKILL in the middle of its heaviest part keeps what it recorded")
    func killedMidPart() throws {
        let directory = try TemporaryDirectory("token-kill")
        defer { directory.remove() }
        let probe = try KilledRunProbe(
            ["token-sample-complexity", "parts=hardmax"], killAfter: 4, databasePath: directory.path("kill.sqlite"))
        #expect(probe.status == .lost)
        #expect(probe.metricRows > 0, "nothing recorded after \(probe.killedAfter) s")
    }
}

import DiffusionDiscretization
import Foundation
import Testing
import WorkbenchCore
import WorkbenchStore
import WorkbenchTestFixtures

@Suite("diffusion-discretization on the experiment contract", .serialized)
struct ContractConformanceTests {
    @Test("the conformance kit finds no problem (quick preset through the runner, parts alone, two workers)")
    func conformance() throws {
        let problems = try ExperimentConformance(DiffusionDiscretizationExperiment()).problems()
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The heaviest part is `monte-carlo` at the paper preset (about 80 s on this machine; the
    /// quick preset is over in about a second, too fast to kill mid-part). Killed 6 s after its
    /// run row appears, the cells finished by then are in the database.
    @Test("a paper run killed by SIGKILL in the middle of its heaviest part keeps what it recorded")
    func killedMidPart() throws {
        let directory = try TemporaryDirectory("diffusion-kill")
        defer { directory.remove() }
        let probe = try KilledRunProbe(
            ["diffusion-discretization", "--preset", "paper", "parts=monte-carlo"], killAfter: 6,
            databasePath: directory.path("kill.sqlite"))
        #expect(probe.status == .lost)
        #expect(probe.metricRows > 0, "nothing recorded after \(probe.killedAfter) s")
    }
}

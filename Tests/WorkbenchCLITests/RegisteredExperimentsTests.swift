import Foundation
import Testing
import WorkbenchCore
import WorkbenchStore
import WorkbenchTestFixtures

@testable import WorkbenchCLI

/// The experiment contract, checked for every experiment the shipped binary registers: a new
/// module gets these tests by being registered (and naming its heaviest part below).
@Suite("Every registered experiment", .serialized)
struct RegisteredExperimentsTests {
    static let ids = ExperimentRegistry.shipped.ids

    /// Per experiment: the arguments of a run whose heaviest part takes well over `killAfter`
    /// seconds, so a SIGKILL lands in the middle of it.
    static let heavyRuns: [String: (arguments: [String], killAfter: Double)] = [
        // `count` at the paper preset (lists C and D): minutes; the quick preset ends in about a second.
        "conservation-laws": (["--preset", "paper", "parts=count"], 6),
        // `monte-carlo` at the paper preset: about 80 s (the quick preset ends in about a second).
        "diffusion-discretization": (["--preset", "paper", "parts=monte-carlo"], 6),
        // `hardmax` at the paper-lite preset: minutes (the quick preset's takes about 8 s on one
        // core, 4 s on two workers).
        "token-sample-complexity": (["--preset", "paper-lite", "parts=hardmax"], 4),
        // `train` at the quick preset: about 5.5 s on two workers, recording after every depth.
        "resnet-ode": (["parts=train"], 2.5),
        // `adversarial` at the paper preset (d = 64, 12 heads, 4 radii): about 17 s, recording after every n.
        "attention-lipschitz": (["--preset", "paper", "parts=adversarial"], 4),
    ]

    @Test("the conformance kit finds no problem", arguments: ids)
    func conformance(_ id: String) throws {
        let experiment = try ExperimentRegistry.shipped.experiment(id)
        let problems = try ExperimentConformance(experiment).problems()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("every registered experiment names its heaviest run for the SIGKILL test")
    func heavyRunsCoverTheRegistry() {
        #expect(Set(Self.heavyRuns.keys) == Set(Self.ids))
    }

    @Test("a run killed by SIGKILL in the middle of its heaviest part keeps what it recorded", arguments: ids)
    func killedMidPart(_ id: String) throws {
        let run = try #require(Self.heavyRuns[id])
        let directory = try TemporaryDirectory("kill")
        defer { directory.remove() }
        let probe = try KilledRunProbe(
            [id] + run.arguments, killAfter: run.killAfter, databasePath: directory.path("kill.sqlite"))
        #expect(probe.status == .lost)
        #expect(probe.metricRows > 0, "nothing recorded after \(probe.killedAfter) s")
    }
}

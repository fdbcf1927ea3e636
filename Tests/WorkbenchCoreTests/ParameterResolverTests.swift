import Testing
import WorkbenchTestFixtures

@testable import WorkbenchCore

@Suite("Parameter resolution")
struct ParameterResolverTests {
    let descriptor = PowerLawFixture().descriptor

    @Test("defaults, presets and overrides apply in that order")
    func precedence() throws {
        let defaults = try ParameterResolver.resolve(descriptor, assignments: [])
        #expect(defaults.values["ns"] == .intList([16, 32, 64, 128, 256]))
        let paper = try ParameterResolver.resolve(descriptor, preset: "paper", assignments: [])
        #expect(paper.values["ns"] == .intList([16, 32, 64, 128, 256, 512, 1024]))
        let overridden = try ParameterResolver.resolve(
            descriptor, preset: "paper", assignments: ["ns=4,8", "rate=1e-3", "fail=yes", "mode=special"])
        #expect(overridden.values["ns"] == .intList([4, 8]))
        #expect(overridden.values["rate"] == .real(0.001))
        #expect(overridden.values["fail"] == .bool(true))
        #expect(overridden.values["mode"] == .text("special"))
    }

    @Test(arguments: [
        ("bogus=1", "unknown parameter 'bogus'"),
        ("rate", "expected key=value"),
        ("rate=abc", "parameter 'rate' expects real"),
        ("rate=nan", "parameter 'rate' expects real"),
        ("rate=-1", "parameter 'rate'"),
        ("ns=4", "parameter 'ns' needs at least 2"),
        ("ns=4,x", "parameter 'ns' expects int[]"),
        ("ns=4,0", "parameter 'ns': '0'"),
        ("mode=loud", "parameter 'mode': 'loud'"),
        ("fail=maybe", "parameter 'fail' expects bool"),
    ])
    func usageErrorsNameTheParameter(assignment: String, fragment: String) {
        do {
            _ = try ParameterResolver.resolve(descriptor, assignments: [assignment])
            Issue.record("'\(assignment)' was accepted")
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test("choices and unknown keys list the valid words")
    func validChoicesListed() {
        #expect(
            throws: UsageError(
                "unknown parameter 'x' for experiment fixture-powerlaw",
                validChoices: ["parts", "rate", "noise", "ns", "mode", "fail", "smallest"])
        ) {
            try ParameterResolver.resolve(descriptor, assignments: ["x=1"])
        }
        #expect(
            throws: UsageError(
                "unknown preset 'huge' for experiment fixture-powerlaw", validChoices: ["quick", "paper"])
        ) {
            try ParameterResolver.resolve(descriptor, preset: "huge", assignments: [])
        }
        #expect(throws: UsageError("parameter 'rate' is given twice")) {
            try ParameterResolver.resolve(descriptor, assignments: ["rate=1", "rate=2"])
        }
    }

    @Test("stored parameters read back to the same typed values and hash")
    func storageRoundTrip() throws {
        let set = try ParameterResolver.resolve(descriptor, assignments: ["rate=0.25", "ns=3,5,7"])
        let back = try ParameterSet(stored: set.storedParameters)
        #expect(back == set)
        #expect(back.configHash(experiment: "x") == set.configHash(experiment: "x"))
        let other = try ParameterResolver.resolve(descriptor, assignments: ["rate=0.26", "ns=3,5,7"])
        #expect(other.configHash(experiment: "x") != set.configHash(experiment: "x"))
    }
}

import Testing
import WorkbenchCore
@testable import ConservationLaws

@Suite("architecture strings")
struct ArchitectureParsingTests {
    @Test(arguments: ["lin:2-4-5-2", "relu:3-2-4", "relu:3-2-4:b", "prod:4", "rand1:5:3", "lin:1-2-3-1"])
    func roundTrips(_ text: String) throws {
        #expect(try ArchitectureSpec(parsing: text).description == text)
    }

    @Test func parameterCounts() throws {
        #expect(try ArchitectureSpec(parsing: "lin:2-4-5-2").parameterCount == 38)
        #expect(try ArchitectureSpec(parsing: "relu:3-2-4:b").parameterCount == 3 * 2 + 2 * 4 + 2)
        #expect(try ArchitectureSpec(parsing: "relu:2-2-2-2-2:b").parameterCount == 16 + 6)
    }

    /// Each malformed string is rejected with a reason that names the offending piece.
    @Test(arguments: [
        ("lin:2-x-2", "width 'x'"), ("lin:2-0-2", "width '0'"), ("lin:2-3", "at least 3 widths"),
        ("conv:2-3-2", "unknown kind 'conv'"), ("relu:2-3-2:c", "relu:<n0>"), ("lin:2-3-2:b", "no suffix"),
        ("prod:0", "prod:<D>"), ("rand1:5", "rand1:<D>:<degree>"), ("", "is empty"),
        ("lin:30-20-20", "at most 511"),
    ])
    func rejectsWithAClearReason(_ text: String, _ fragment: String) {
        let problem = ArchitectureSpec.problem(with: text)
        #expect(problem?.contains(fragment) == true, "\(text): \(problem ?? "accepted")")
    }

    /// A bad architecture on the command line is a usage error naming it, before any run.
    @Test func usageErrorNamesTheArchitecture() {
        #expect(throws: UsageError.self) {
            try RunHarness.parameters(["archs=lin:2-3-2,relu:2-y-2"])
        }
    }
}

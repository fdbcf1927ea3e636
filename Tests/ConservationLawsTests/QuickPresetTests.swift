import Foundation
import Testing
import WorkbenchCore
@testable import ConservationLaws

/// The `quick` preset (the declared defaults) at the default seed, run once in memory.
@Suite("conservation-laws quick preset")
struct QuickPresetTests {

    /// The recorded counts of the quick list, for the record (printed, checked by the claims).
    @Test func everyArchitectureMatchesItsClosedForm() throws {
        let run = try RunHarness.quick.get()
        for key in run.results.scalarKeys(prefix: "count.").filter({ $0.hasSuffix(".n_laws") }) {
            let arch = key.dropFirst("count.".count).dropLast(".n_laws".count)
            let closed = run.results.scalar("count.\(arch).closed_form")
            let levels = run.results.series("count.\(arch).levels").map { String(Int($0.value)) }.joined(separator: ">")
            #expect(
                run.results.scalar(key) == closed,
                "\(arch): N \(run.results.scalar(key) ?? -1) vs \(closed ?? -1), levels \(levels)")
        }
    }
}

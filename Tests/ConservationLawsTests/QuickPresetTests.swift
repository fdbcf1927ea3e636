import Foundation
import Testing
import WorkbenchCore
@testable import ConservationLaws

/// The `quick` preset (the declared defaults) at the default seed, run once in memory.
@Suite("conservation-laws quick preset")
struct QuickPresetTests {
    @Test func everyClaimPasses() throws {
        let run = try RunHarness.quick.get()
        #expect(run.checks.count == RunHarness.experiment.descriptor.claims.count)
        for check in run.checks {
            let measured = check.measurement.map { ReportNumber.format($0.value) } ?? "—"
            #expect(
                check.verdict == .pass,
                "\(check.claim): \(check.verdict.rawValue), measured \(measured) \(check.reason ?? "")")
        }
    }

    /// Every recorded key belongs to a declared metric family, and every family is recorded.
    @Test func recordedKeysMatchTheMetricSpecs() throws {
        let run = try RunHarness.quick.get()
        let specs = RunHarness.experiment.descriptor.metrics
        let keys = Set(run.results.metrics.map(\.key))
        for key in keys.sorted() {
            #expect(specs.contains { $0.matches(key) }, "\(key) matches no MetricSpec")
        }
        for spec in specs {
            #expect(keys.contains { spec.matches($0) }, "\(spec.key) matches no recorded key")
        }
    }

    /// A family's placeholders are exactly the coordinates its keys carry.
    @Test func placeholdersAreTheKeysCoordinates() throws {
        let run = try RunHarness.quick.get()
        let specs = RunHarness.experiment.descriptor.metrics
        for point in run.results.metrics {
            let names = point.coordinates.map(\.name)
            #expect(specs.contains { $0.matches(point.key) && $0.placeholders == names }, "\(point.key): \(names)")
        }
    }

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

import Foundation
import WorkbenchCore
import WorkbenchStore

/// The conformance kit: checks every registered experiment meets the experiment contract. Each
/// experiment's test target calls it (`#expect(try ExperimentConformance(experiment).problems() == [])`),
/// so a new module gets these tests by adding two lines.
///
/// What it checks:
/// - declarations: every parameter, metric family, part and claim has a doc string; claim ids are
///   unique; every parameter a part reads is declared; every preset resolves and dry-runs;
/// - the quick preset through the real runner into a temporary database with two workers: every
///   claim passes (the quick preset is what `workbench run all` runs); every recorded key belongs
///   to a declared metric family whose placeholders are exactly the key's coordinates, and every
///   family is recorded (unless it declares the condition under which it is recorded);
/// - each part run alone, in memory with one worker and in reverse declaration order, records
///   exactly the points the full run stored, bit for bit (so parts share nothing through ordering
///   and results do not depend on the worker count); wall-clock timing families
///   (``MetricSpec/isWallClockTiming``) are compared by key only, never by value;
/// - the report renders twice to identical bytes.
public struct ExperimentConformance {
    public let experiment: any Experiment

    public init(_ experiment: any Experiment) { self.experiment = experiment }

    /// Problems with the declarations alone (no run).
    public func declarationProblems() -> [String] {
        let descriptor = experiment.descriptor
        var problems = [String]()
        let declared = Set(descriptor.parameters.map(\.key))
        for spec in descriptor.parameters where spec.doc.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("parameter '\(spec.key)' has no doc string")
        }
        for metric in descriptor.metrics where metric.meaning.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("metric '\(metric.key)' has no meaning")
        }
        var claimIDs = Set<String>()
        for part in descriptor.parts {
            if part.summary.isEmpty { problems.append("part '\(part.name)' has no summary") }
            for spec in part.parameters where !declared.contains(spec.key) {
                problems.append("part '\(part.name)' reads undeclared parameter '\(spec.key)'")
            }
            for claim in part.claims {
                if !claimIDs.insert(claim.id).inserted { problems.append("claim id '\(claim.id)' is used twice") }
                if claim.statement.isEmpty { problems.append("claim '\(claim.id)' has no statement") }
            }
            for input in part.inputs where !descriptor.inputs.contains(where: { $0.id == input }) {
                problems.append("part '\(part.name)' needs undeclared input '\(input)'")
            }
        }
        for preset in descriptor.allPresets {
            do {
                _ = try ParameterResolver.resolve(descriptor, preset: preset.name, assignments: [])
            } catch {
                problems.append("preset '\(preset.name)' does not resolve: \(error)")
            }
        }
        return problems
    }

    /// Every problem, declarations and a quick run (seconds to a minute of work).
    public func problems() throws -> [String] {
        var problems = declarationProblems()
        let descriptor = experiment.descriptor
        let directory = try TemporaryDirectory("conformance")
        defer { directory.remove() }
        let path = directory.path("conformance.sqlite")
        let parameters = try ParameterResolver.resolve(descriptor, assignments: [])
        let inputLocation = InputLocation(environment: ProcessInfo.processInfo.environment)
        let outcome = try Runner.execute(
            RunRequest(
                experiment: experiment, parameters: parameters, preset: Preset.quickName, seed: descriptor.defaultSeed,
                databasePath: path, workers: 2, commandLine: "conformance", inputLocation: inputLocation))
        guard outcome.status == .finished else {
            return problems + ["the quick run did not finish: \(outcome.error ?? "no error text")"]
        }
        for check in outcome.checks where check.verdict != .pass {
            let detail = check.reason ?? check.measurement.map { "measured \($0.value)" } ?? ""
            problems.append("claim \(check.claim) is \(check.verdict.rawValue) in a quick run: \(detail)")
        }
        let store = try RunStore(path: path, mode: .readOnly)
        let stored = try ReportLoader.results(store, runID: outcome.runID)
        let keys = Set(stored.metrics.map(\.key))
        for key in keys.sorted() where !descriptor.metrics.contains(where: { $0.matches(key) }) {
            problems.append("recorded key '\(key)' matches no declared metric")
        }
        var checkedKeys = Set<String>()
        for point in stored.metrics where checkedKeys.insert(point.key).inserted {
            let names = point.coordinates.map(\.name).sorted()
            if let family = descriptor.metrics.first(where: { $0.matches(point.key) }),
                !descriptor.metrics.contains(where: { $0.matches(point.key) && $0.placeholders.sorted() == names })
            {
                problems.append(
                    "key '\(point.key)' carries coordinates \(names) but its family '\(family.key)' names \(family.placeholders.sorted())"
                )
            }
        }
        for metric in descriptor.metrics where metric.recordedOnlyWhen == nil && !keys.contains(where: metric.matches) {
            problems.append("declared metric '\(metric.key)' is not recorded by a quick run")
        }
        problems += try partwiseProblems(full: stored.metrics, parameters: parameters, inputLocation: inputLocation)
        let document = try ReportLoader.document(
            store, runID: outcome.runID, experiment: experiment, databaseName: "conformance.sqlite")
        if ReportRenderer.render(document) != ReportRenderer.render(document) {
            problems.append("the report does not render to identical bytes twice")
        }
        return problems
    }

    /// Runs each part alone (one worker, in memory, last part first, so a part that relies on an
    /// earlier part having run sees a state it would not see in order) and compares the union with
    /// `full`.
    private func partwiseProblems(
        full: [MetricPoint], parameters: ParameterSet, inputLocation: InputLocation
    ) throws -> [String] {
        let descriptor = experiment.descriptor
        var union = [MetricPoint]()
        for part in descriptor.parts.reversed() {
            var values = parameters.values
            values[ExperimentDescriptor.partsKey] = .textList([part.name])
            let run = try MemoryRun(
                experiment, parameters: ParameterSet(values), workers: 1, inputLocation: inputLocation)
            union += run.results.metrics
        }
        let sortedUnion = union.sorted(by: MetricPoint.canonicalOrder)
        let sortedFull = full.sorted(by: MetricPoint.canonicalOrder)
        if sortedUnion.count != sortedFull.count {
            return ["parts run alone record \(sortedUnion.count) points, the full run \(sortedFull.count)"]
        }
        for (alone, together) in zip(sortedUnion, sortedFull)
        where alone.key != together.key || alone.x != together.x {
            return ["parts run alone and the full run record different keys first at '\(together.key)'"]
        }
        let reproducibleUnion = descriptor.reproducible(sortedUnion)
        let reproducibleFull = descriptor.reproducible(sortedFull)
        for (alone, together) in zip(reproducibleUnion, reproducibleFull) where alone != together {
            return [
                "parts run alone with 1 worker differ from the full run with 2 workers first at '\(together.key)' x = \(together.x.map { "\($0)" } ?? "—"): \(alone.value) vs \(together.value)"
            ]
        }
        return []
    }
}

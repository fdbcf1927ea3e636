import Foundation

/// Runs the selected parts of an experiment in declaration order, for the runner and for
/// in-memory runs alike.
public enum PartExecution {
    /// Runs every part `context.parameters` selects whose inputs are available; returns why each
    /// other part did not run (keyed by part name), for the `not-run` verdicts.
    ///
    /// Progress is reported per part (`part 2/3: moments`); the context names the current part.
    public static func run(
        _ descriptor: ExperimentDescriptor, context: RunContext, missingInputs: [String: String] = [:]
    ) throws -> ClaimEvaluator.SkippedParts {
        var skipped = ClaimEvaluator.unselectedParts(descriptor, context.parameters)
        let selected = descriptor.selectedParts(context.parameters)
        for (index, part) in selected.enumerated() {
            if let missing = part.inputs.compactMap({ missingInputs[$0] }).first {
                skipped[part.name] = missing
                continue
            }
            context.beginPart(part.name, index: index, of: selected.count)
            try part.run(context)
            context.endPart()
        }
        return skipped
    }
}

/// An experiment run entirely in memory (tests, dry runs): the same part selection, seeding and
/// claim evaluation as the runner, without a database.
public struct MemoryRun: Sendable {
    /// Everything recorded, as the report and claims see it.
    public let results: RunResults
    /// The claim verdicts.
    public let checks: [CheckResult]

    /// Runs `experiment` with `parameters` (resolved from the declared defaults if `nil`);
    /// declared inputs are looked up in `inputLocation` as the runner does.
    public init(
        _ experiment: any Experiment, parameters: ParameterSet? = nil, seed: UInt64? = nil, workers: Int = 1,
        inputLocation: InputLocation = InputLocation(environment: ProcessInfo.processInfo.environment)
    ) throws {
        let descriptor = experiment.descriptor
        let resolved = try parameters ?? ParameterResolver.resolve(descriptor, assignments: [])
        let runSeed = seed ?? descriptor.defaultSeed
        let inputs = InputResolver.resolve(descriptor, parameters: resolved, location: inputLocation)
        let sink = MemoryMetricSink()
        let context = RunContext(
            parameters: resolved, seed: runSeed, workerCount: workers, sink: sink, inputs: inputs.found)
        let skipped = try PartExecution.run(descriptor, context: context, missingInputs: inputs.missing)
        results = RunResults(
            runID: "", experiment: descriptor.id, preset: Preset.quickName, seed: runSeed, parameters: resolved,
            metrics: sink.points, artifacts: sink.artifacts)
        checks = ClaimEvaluator.evaluate(descriptor, on: results, skipped: skipped)
    }
}

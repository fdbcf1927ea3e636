import Foundation
import WorkbenchCore
@testable import ConservationLaws

/// Runs the experiment in memory, as the runner would.
enum RunHarness {
    static let experiment = ConservationLawsExperiment()

    static func parameters(preset: String = Preset.quickName, _ assignments: [String] = []) throws -> ParameterSet {
        try ParameterResolver.resolve(experiment.descriptor, preset: preset, assignments: assignments)
    }

    static func run(_ parameters: ParameterSet, workers: Int = 1, seed: UInt64 = 1) throws -> MemoryRun {
        try MemoryRun(experiment, parameters: parameters, seed: seed, workers: workers)
    }

    /// The `quick` preset with the default seed on two workers, run once and shared.
    static let quick = Result { try run(parameters(), workers: 2) }

    /// The verdicts of `run` by claim id.
    static func verdicts(_ run: MemoryRun) -> [String: CheckResult] {
        Dictionary(uniqueKeysWithValues: run.checks.map { ($0.claim, $0) })
    }
}

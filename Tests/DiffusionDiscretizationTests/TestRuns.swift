import WorkbenchCore

@testable import DiffusionDiscretization

/// The experiment's typed parameter declarations, for the tests' settings.
typealias Declared = DiffusionDiscretizationExperiment

/// In-memory runs through the same parameter resolution, part selection and claim evaluation
/// as the command line.
enum TestRuns {
    static let experiment = DiffusionDiscretizationExperiment()
    static var descriptor: ExperimentDescriptor { experiment.descriptor }

    /// The core's part selection as a typed parameter, for settings such as `parts.set(["kernel"])`.
    static let parts = Parameter<[String]>(ExperimentDescriptor.partsKey, default: [], doc: "")

    /// The parameters of `preset` with `settings` given as `key=value` on the command line (a
    /// later setting of the same key replaces an earlier one).
    static func parameters(
        _ settings: [PresetSetting], preset: String = Preset.quickName
    ) throws(UsageError) -> ParameterSet {
        var keys = [String]()
        var values = [String: ParameterValue]()
        for setting in settings {
            if values.updateValue(setting.value, forKey: setting.key) == nil { keys.append(setting.key) }
        }
        let assignments = keys.compactMap { key in values[key].map { "\(key)=\($0.canonicalText)" } }
        return try ParameterResolver.resolve(descriptor, preset: preset, assignments: assignments)
    }

    /// A run of the selected parts with `settings`.
    static func run(_ settings: [PresetSetting], workers: Int = 2, seed: UInt64? = nil) throws -> MemoryRun {
        try MemoryRun(experiment, parameters: parameters(settings), seed: seed, workers: workers)
    }

    /// The check of `claim` in `run`.
    static func check(_ claim: String, in run: MemoryRun) -> CheckResult? {
        run.checks.first { $0.claim == claim }
    }
}

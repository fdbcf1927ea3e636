import WorkbenchCore

@testable import ResNetODE

/// The experiment's typed parameter declarations, for the tests' settings.
typealias Declared = ResNetODEExperiment

/// In-memory runs through the same parameter resolution, part selection and claim evaluation
/// as the command line.
enum TestRuns {
    static let experiment = ResNetODEExperiment()
    static var descriptor: ExperimentDescriptor { experiment.descriptor }

    /// The core's part selection as a typed parameter.
    static let parts = Parameter<[String]>(ExperimentDescriptor.partsKey, default: [], doc: "")

    /// The parameters of `preset` with `settings` given as `key=value`.
    static func parameters(
        _ settings: [PresetSetting], preset: String = Preset.quickName
    ) throws(UsageError) -> ParameterSet {
        let assignments = settings.map { "\($0.key)=\($0.value.canonicalText)" }
        return try ParameterResolver.resolve(descriptor, preset: preset, assignments: assignments)
    }

    /// A run of the selected parts with `settings`.
    static func run(_ settings: [PresetSetting], workers: Int = 2, seed: UInt64? = nil) throws -> MemoryRun {
        try MemoryRun(experiment, parameters: parameters(settings), seed: seed, workers: workers)
    }
}

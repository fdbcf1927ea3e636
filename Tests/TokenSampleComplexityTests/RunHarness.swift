import Foundation
import WorkbenchCore
@testable import TokenSampleComplexity

/// Runs the experiment in memory, as the runner would (``MemoryRun``: parameters resolved and
/// validated by ``ParameterResolver``, the selected parts, then the claims).
enum RunHarness {
    static let experiment = TokenSampleComplexityExperiment()

    static func parameters(preset: String = Preset.quickName, _ assignments: [String] = []) throws -> ParameterSet {
        try ParameterResolver.resolve(experiment.descriptor, preset: preset, assignments: assignments)
    }

    static func run(_ parameters: ParameterSet, workers: Int = 1, seed: UInt64 = 20_251_211) throws -> MemoryRun {
        try MemoryRun(experiment, parameters: parameters, seed: seed, workers: workers)
    }

    /// The `quick` preset with the default seed on two workers, run once and shared by the tests
    /// that read it (about half a minute).
    static let quick = Result { try run(parameters(), workers: 2) }

    /// A reduced configuration of every part: small grids, few repetitions (about a second).
    static let reduced = [
        "uniformRadii=0.5,2", "uniformN=64,256,1024", "uniformReps=4", "uniformSphereQueries=16",
        "uniformRefineSteps=2", "uniformInteriorQueries=4",
        "momentsDimension=4", "momentsHorizons=0.5,1,3", "momentsN=128,256,512", "momentsReps=4",
        "hardmaxAnnealedN=64,256,1024", "hardmaxAnnealedReps=8",
        "hardmaxSphereDimensions=3,8", "hardmaxSphereN=16,64,256", "hardmaxSphereReps=20",
        "hardmaxGaussN=16,64,256", "hardmaxGaussReps=20", "bootstrapResamples=20",
    ]

    /// The verdicts of `run` by claim id.
    static func verdicts(_ run: MemoryRun) -> [String: CheckResult] {
        Dictionary(uniqueKeysWithValues: run.checks.map { ($0.claim, $0) })
    }
}

import Foundation
import WorkbenchCore
@testable import TokenSampleComplexity

/// Runs the experiment in memory, as the runner would: parameters resolved and validated by
/// ``ParameterResolver``, a ``MemoryMetricSink``, then the claims evaluated on the results.
enum RunHarness {
    static let experiment = TokenSampleComplexityExperiment()

    static func parameters(preset: String = Preset.quickName, _ assignments: [String] = []) throws -> ParameterSet {
        try ParameterResolver.resolve(experiment.descriptor, preset: preset, assignments: assignments)
    }

    static func run(_ parameters: ParameterSet, workers: Int = 1, seed: UInt64 = 20_251_211) throws
        -> (results: RunResults, checks: [CheckResult])
    {
        let sink = MemoryMetricSink()
        let context = RunContext(parameters: parameters, seed: seed, workerCount: workers, sink: sink)
        try experiment.run(context)
        let results = RunResults(
            runID: "", experiment: experiment.descriptor.id, preset: "test", seed: seed,
            parameters: parameters, metrics: sink.points)
        return (results, ClaimEvaluator.evaluate(experiment.descriptor.claims, on: results))
    }

    /// A reduced configuration of every part: small grids, few repetitions (about a second).
    static let reduced = [
        "uniformRadii=0.5,2", "uniformN=64,256,1024", "uniformReps=4", "uniformSphereQueries=16",
        "uniformRefineSteps=2", "uniformInteriorQueries=4",
        "momentsDimension=4", "momentsHorizons=0.5,1,3", "momentsN=128,256,512", "momentsReps=4",
        "hardmaxAnnealedN=64,256,1024", "hardmaxAnnealedReps=8",
        "hardmaxSphereDimensions=3,8", "hardmaxSphereN=16,64,256", "hardmaxSphereReps=20",
        "hardmaxGaussN=16,64,256", "hardmaxGaussReps=20", "bootstrapResamples=20",
    ]
}

import WorkbenchCore
import WorkbenchNumerics

/// Part `mirror` (beyond the paper): the number of laws of the NMF mirror flow
/// `θ̇ = −θ ⊙ ∇E` for each of `mirrorArchs`, recorded as soon as it is counted.
struct MirrorStudy {
    typealias Experiment = ConservationLawsExperiment

    let architectures: [ArchitectureSpec]
    let pointCount: Int

    init(_ context: RunContext) throws {
        var listed = [ArchitectureSpec]()
        for text in context[Experiment.mirrorArchs] { listed.append(try ArchitectureSpec(parsing: text)) }
        architectures = listed
        pointCount = context[Experiment.evalPoints]
    }

    func run(_ context: RunContext) throws {
        _ = try context.parallelMap(architectures.count) { index in
            let architecture = architectures[index]
            let arch = architecture.description
            var modelRandom = context.random("mirror", .label(arch), "model")
            let model = try MirrorFlowModel.model(FactorizedModel(architecture, random: &modelRandom))
            let count = try ConservationLawCount.compute(model, settings: LieTraceSettings(), pointCount: pointCount) {
                context.random("mirror", .label(arch), .of($0))
            }
            let values: [(String, Double)] = [
                ("D", Double(count.dimension)), ("n_laws", Double(count.lawCount)), ("depth", Double(count.best.depth)),
                ("n_known", Double(count.knownLawCount ?? 0)), ("known_orthogonal", count.knownLawsOrthogonal ? 1 : 0),
                ("modp_float_agree", count.exactAndFloatAgree ? 1 : 0),
            ]
            try context.record(values.map { MetricPoint(MetricKey("mirror", .text("arch", arch), .name($0.0)), $0.1) })
        }
    }
}

import WorkbenchCore
import WorkbenchNumerics

/// Part `poly`: the degree-`k` polynomial-law search on `polyArchs` (those with `D ≤ polyMaxD`),
/// compared with the exact count `N` (computed here too, so the part stands alone) and with the
/// known laws. Each architecture is recorded as soon as it is done.
struct PolyStudy {
    typealias Experiment = ConservationLawsExperiment

    let architectures: [ArchitectureSpec]
    let degree: Int
    let pointCount: Int

    init(_ context: RunContext) throws {
        var listed = [ArchitectureSpec]()
        for text in context[Experiment.polyArchs] {
            let architecture = try ArchitectureSpec(parsing: text)
            if architecture.parameterCount <= context[Experiment.polyMaxD] { listed.append(architecture) }
        }
        architectures = listed
        degree = context[Experiment.polyDegree]
        pointCount = context[Experiment.evalPoints]
    }

    func run(_ context: RunContext) throws {
        let laws = try context.parallelMap(architectures.count) { index in
            let architecture = architectures[index]
            let arch = architecture.description
            var modelRandom = context.random("poly", .label(arch), "model")
            let model = try FactorizedModel(architecture, random: &modelRandom)
            let count = try ConservationLawCount.compute(model, settings: LieTraceSettings(), pointCount: pointCount) {
                context.random("poly", .label(arch), "count", .of($0))
            }
            var searchRandom = context.random("poly", .label(arch), "search")
            let outcome = try PolynomialLawSearch(model: model, degree: degree).run(random: &searchRandom)
            var values: [(String, Double)] = [
                ("unknowns", Double(outcome.unknowns)), ("points_used", Double(outcome.pointsUsed)),
                ("kernel_dim", Double(outcome.kernelDimension)),
                ("float_kernel_dim", Double(outcome.floatKernelDimension)),
                ("grad_rank", Double(outcome.gradientRank)), ("n_laws", Double(count.lawCount)),
                ("n_known", Double(outcome.knownRank)), ("known_in_kernel", outcome.knownInKernel ? 1 : 0),
            ]
            if let angle = outcome.maximumPrincipalAngle { values.append(("max_principal_angle", angle)) }
            try context.record(values.map { MetricPoint(MetricKey("poly", .text("arch", arch), .name($0.0)), $0.1) })
            return outcome.laws.enumerated().map { "\(arch)\t\($0.offset + 1)\t\($0.element)" }
        }
        try context.attach(
            name: Self.lawsArtifact, mediaType: "text/tab-separated-values",
            content: (["architecture\tlaw\tpolynomial"] + laws.flatMap { $0 }).joined(separator: "\n") + "\n")
    }

    /// The artifact holding the found laws: architecture, law number, polynomial (tab-separated).
    static let lawsArtifact = "poly_laws.tsv"
}

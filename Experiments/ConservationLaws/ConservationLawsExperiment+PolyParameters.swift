import WorkbenchCore

extension ConservationLawsExperiment {
    static let polyArchs = Parameter<[String]>(
        "polyArchs", default: ["lin:2-2-2", "lin:3-2-4", "lin:1-3-1", "lin:2-3-2-3", "relu:3-2-4", "relu:3-2-4:b"],
        doc: "poly: architectures searched for polynomial laws (only those with D ≤ polyMaxD).",
        constraint: .list(
            minCount: 1,
            element: .rule(description: "an architecture such as lin:2-2-2 or relu:3-2-4:b", ArchitectureSpec.problem),
            distinct: true))
    static let polyDegree = Parameter<Int>(
        "polyDegree", default: 2, doc: "poly: degree k of the homogeneous polynomial laws searched.",
        constraint: .range(low: 1, high: 4))
    static let polyMaxD = Parameter<Int>(
        "polyMaxD", default: 24, doc: "poly: skip architectures with more parameters (M = C(D+k−1, k) unknowns).",
        constraint: .range(low: 1, high: 60))

    /// The parameters of the `poly` part.
    static var polyParameters: [any ParameterDeclaration] { [polyArchs, polyDegree, polyMaxD, evalPoints] }

    /// The paper's lists C′ (linear) and D′ (ReLU, no bias), degree 2 (spec §2).
    static let paperPolyArchitectures = [
        "lin:3-2-3", "lin:2-4-4", "lin:4-4-4", "lin:4-4-3", "lin:4-2-3-2", "lin:4-2-2-4", "lin:3-2-4", "lin:3-3-3-3",
        "lin:3-4-3-4", "relu:3-2-3", "relu:3-4-2", "relu:2-3-3", "relu:2-4-3", "relu:4-4-2", "relu:2-4-4",
        "relu:3-3-3-4", "relu:3-2-2-3", "relu:2-4-2",
    ]
}

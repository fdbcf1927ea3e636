import WorkbenchCore

extension ConservationLawsExperiment {
    private static let shape = ParameterConstraint.list(
        minCount: 4, element: .range(low: 1, high: nil, lowIsExclusive: false))
    private static let stepList = ParameterConstraint.list(
        minCount: 3, element: .range(low: 0, high: 1, lowIsExclusive: true), distinct: true)

    static let gdLinear = Parameter<[Int]>(
        "gdLinear", default: [3, 5, 4, 20],
        doc: "gd: linear net (n, m, r, N) = outputs, inputs, hidden width, samples (N counts samples, not laws).",
        constraint: shape)
    static let gdRelu = Parameter<[Int]>(
        "gdRelu", default: [2, 5, 8, 30], doc: "gd: ReLU net with hidden biases (n, m, r, N).", constraint: shape)
    static let gdHorizon = Parameter<Double>(
        "gdHorizon", default: 20, doc: "gd: horizon T; each step size runs round(T/η) steps.", constraint: .positive)
    static let gdEtas = Parameter<[Double]>(
        "gdEtas", default: [0.08, 0.04, 0.02, 0.01, 0.005],
        doc: "gd: step sizes η (the slopes use the 3 smallest).", constraint: stepList)
    static let gdInitScale = Parameter<Double>(
        "gdInitScale", default: 0.5, doc: "gd: initial entries are gdInitScale·N(0, 1).", constraint: .positive)
    static let gdRK4Steps = Parameter<[Double]>(
        "gdRK4Steps", default: [0.1, 0.05, 0.025],
        doc: "gd: RK4 steps h on the linear model's flow (order from log drift vs log h).", constraint: stepList)

    /// The parameters of the `gd` part.
    static var gdParameters: [any ParameterDeclaration] {
        [gdLinear, gdRelu, gdHorizon, gdEtas, gdInitScale, gdRK4Steps]
    }

    /// `gdLinear` and `gdRelu` hold exactly four numbers.
    static var rules: [ParameterRule] {
        [gdLinear, gdRelu].map { parameter in
            ParameterRule(keys: [parameter.key], description: "\(parameter.key) has exactly 4 entries (n, m, r, N)") {
                let count = $0[parameter].count
                return count == 4 ? nil : "\(parameter.key) has \(count) entries"
            }
        }
    }
}

/// A field of the Lie computation with its value and Jacobian at the exact point `θ_p`
/// (mod p) and at the float point `θ_f`.
struct TrackedField: Sendable {
    let field: PolynomialVectorField
    let modular: FieldEvaluation<ModularArithmetic>
    let real: FieldEvaluation<RealArithmetic>

    init(_ field: PolynomialVectorField, at points: EvaluationPoints) {
        self.field = field
        modular = FieldEvaluation(field, at: points.modular, in: ModularArithmetic())
        real = FieldEvaluation(field, at: points.real, in: RealArithmetic())
    }
}

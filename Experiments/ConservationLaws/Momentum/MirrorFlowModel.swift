/// The mirror flow `θ̇ = −θ ⊙ ∇E(θ)` of non-negative matrix factorisation `φ = UV` (spec §7.2):
/// the velocities span `{θ ⊙ ∇φ_i(θ)}`, so its laws are counted from the generators
/// `X_i = θ ⊙ ∇φ_i` exactly as for the gradient flow, `N = D − dim Lie(X_i)(θ)`.
///
/// Known laws (2-layer, `U = U_1 ∈ ℝ^{n_1×n_2}`, `V = U_2 ∈ ℝ^{n_2×n_3}`): `Σ_i U_{ik} − Σ_j V_{kj}`
/// for each `k < n_2`, since `⟨∇h, θ ⊙ ∇φ_ab⟩ = U_{ak}V_{kb} − U_{ak}V_{kb} = 0`.
enum MirrorFlowModel {
    static func model(_ base: FactorizedModel) throws(PolynomialError) -> FactorizedModel {
        var generators = [PolynomialVectorField]()
        for field in base.generators {
            var components = [(index: Int, polynomial: Polynomial)]()
            for (k, polynomial) in field.components {
                components.append((k, try polynomial.multiplied(by: .monomial([k]))))
            }
            generators.append(PolynomialVectorField(dimension: base.dimension, components: components))
        }
        return FactorizedModel(
            architecture: base.architecture, dimension: base.dimension, generators: generators,
            knownLaws: try knownLaws(base.architecture), hasKnownLaws: true)
    }

    /// `Σ_i U_{ik} − Σ_j V_{kj}`, `k < n_2`, for a 2-layer linear architecture (none otherwise).
    static func knownLaws(_ architecture: ArchitectureSpec) throws(PolynomialError) -> [Polynomial] {
        guard case .linear(let widths) = architecture, widths.count == 3 else { return [] }
        let layout = ParameterLayout(widths: widths, hasBias: false)
        return try (0..<widths[1]).map { (k) throws(PolynomialError) in
            var coefficients = [Monomial: Int64]()
            for i in 0..<widths[0] { coefficients[try Monomial(variables: [layout.weight(1, i, k)])] = 1 }
            for j in 0..<widths[2] { coefficients[try Monomial(variables: [layout.weight(2, k, j)])] = -1 }
            return Polynomial(coefficients)
        }
    }
}

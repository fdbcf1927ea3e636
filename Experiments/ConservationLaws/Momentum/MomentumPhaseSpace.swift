/// The phase space of the momentum flow `θ̈ + τθ̇ = −∇E(θ)` (heavy ball, constant `τ`), after
/// *Keep the Momentum* (Marcotte, Gribonval, Peyré, ICML 2024): `z = (s, θ, v)` of dimension
/// `2D + 1`, with `v = θ̇` and the clock `s = e^{τt}` (`s = t` when `τ = 0`).
///
/// The flow is `ż = X_0(z) + Σ_i c_i(t)·(0, 0, −∇φ_i(θ))` with the drift
/// `X_0 = (τs, v, −τv)` (`(1, v, 0)` for `τ = 0`), so the laws are the functions whose gradient is
/// orthogonal to `Lie(X_0, Y_1, …, Y_d)`, `Y_i = (0, 0, ∇φ_i(θ))`, and their number is
/// `2D + 1 − dim Lie(θ)`. Variables: `0` is `s`, `1…D` are `θ`, `D+1…2D` are `v`.
///
/// `τ` enters as the fraction `τ_q/1000`, `τ_q = round(1000τ)`: the drift is scaled by 1000
/// (`(τ_q s, 1000 v, −τ_q v)`), which leaves the generated algebra unchanged and keeps integer
/// coefficients.
enum MomentumPhaseSpace {
    static let tauDenominator: Int64 = 1000

    /// The generators `X_0, Y_1, …, Y_d` for `model` and the damping `tau`, and the explicit
    /// laws of a 2-layer linear net (none otherwise).
    static func model(_ base: FactorizedModel, tau: Double) throws(PolynomialError) -> FactorizedModel {
        let d = base.dimension
        let phaseDimension = 2 * d + 1
        let tauNumerator = Int64((tau * Double(tauDenominator)).rounded())
        var drift = [(index: Int, polynomial: Polynomial)]()
        if tauNumerator == 0 {
            drift.append((0, Polynomial([Monomial.one: 1])))
        } else {
            drift.append((0, try .monomial([0], coefficient: tauNumerator)))
        }
        for j in 0..<d {
            drift.append((1 + j, try .monomial([d + 1 + j], coefficient: tauDenominator)))
            if tauNumerator != 0 { drift.append((d + 1 + j, try .monomial([d + 1 + j], coefficient: -tauNumerator))) }
        }
        var generators = [PolynomialVectorField(dimension: phaseDimension, components: drift)]
        for field in base.generators {
            var components = [(index: Int, polynomial: Polynomial)]()
            for (k, polynomial) in field.components {
                components.append((d + 1 + k, try shifted(polynomial, by: 1)))
            }
            generators.append(PolynomialVectorField(dimension: phaseDimension, components: components))
        }
        let laws = try explicitLaws(base, clock: tauNumerator != 0)
        return FactorizedModel(
            architecture: base.architecture, dimension: phaseDimension, generators: generators, knownLaws: laws,
            hasKnownLaws: !laws.isEmpty)
    }

    /// `p` with every variable index increased by `offset`.
    static func shifted(_ polynomial: Polynomial, by offset: Int) throws(PolynomialError) -> Polynomial {
        var coefficients = [Monomial: Int64]()
        for term in polynomial.terms {
            coefficients[try Monomial(variables: term.monomial.variables.map { $0 + offset })] = term.coefficient
        }
        return Polynomial(coefficients)
    }

    /// For a 2-layer linear net (layout `U_1 ∈ ℝ^{n×r}`, `U_2 ∈ ℝ^{r×m}`), the entries `a < b` of
    /// `s·(L − Lᵀ)` with `L = U_1ᵀU̇_1 + U_2U̇_2ᵀ` — the angular momentum of the `O(r)` symmetry,
    /// conserved with the factor `e^{τt} = s` (no factor when `τ = 0`).
    static func explicitLaws(_ base: FactorizedModel, clock: Bool) throws(PolynomialError) -> [Polynomial] {
        guard case .linear(let widths) = base.architecture, widths.count == 3 else { return [] }
        let layout = ParameterLayout(widths: widths, hasBias: false)
        let d = base.dimension
        let position = { (index: Int) in 1 + index }
        let velocity = { (index: Int) in d + 1 + index }
        var laws = [Polynomial]()
        let r = widths[1]
        for a in 0..<r {
            for b in (a + 1)..<r {
                // L_ab − L_ba with L_ab = Σ_i U1[i,a] U̇1[i,b] + Σ_k U2[a,k] U̇2[b,k].
                var pairs = [(Int, Int, Int64)]()
                for i in 0..<widths[0] {
                    pairs.append((layout.weight(1, i, a), layout.weight(1, i, b), 1))
                    pairs.append((layout.weight(1, i, b), layout.weight(1, i, a), -1))
                }
                for k in 0..<widths[2] {
                    pairs.append((layout.weight(2, a, k), layout.weight(2, b, k), 1))
                    pairs.append((layout.weight(2, b, k), layout.weight(2, a, k), -1))
                }
                var coefficients = [Monomial: Int64]()
                for (p, q, sign) in pairs {
                    let variables = [position(p), velocity(q)] + (clock ? [0] : [])
                    coefficients[try Monomial(variables: variables), default: 0] += sign
                }
                laws.append(Polynomial(coefficients))
            }
        }
        return laws
    }
}

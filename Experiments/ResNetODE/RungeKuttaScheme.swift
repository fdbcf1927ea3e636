/// An explicit Runge–Kutta scheme as a layer rule (spec §7.2): the Butcher tableau
/// `(a_ij, b_i, c_i)`, `j < i`, of `s` stages and order `p`.
///
/// Layer `n` (step `h = 1/N` from `t_n = n/N`): `Y_i = X + h Σ_{j<i} a_ij K_j`,
/// `K_i = f(Y_i, W_n(c_i))`, `X ← X + h Σ_i b_i K_i`, with the stage weights on the
/// piecewise-affine path between the nodes, `W_n(c) = (1 − c)θ_n + cθ_{n+1}`.
enum RungeKuttaScheme: String, CaseIterable, Sendable {
    /// `p = 1`, one stage: the ResNet.
    case euler
    /// `p = 2`: `K1 = f(X, θ_n)`, `K2 = f(X + (h/2)K1, W_n(½))`, `X ← X + h K2`.
    case midpoint
    /// `p = 2`: the explicit trapezoidal rule (the `nodes` Heun network).
    case heun
    /// `p = 3`: Kutta's third-order rule, `c = (0, ½, 1)`, `b = (1/6, 2/3, 1/6)`.
    case rk3
    /// `p = 4`: the classical rule, `c = (0, ½, ½, 1)`, `b = (1/6, 1/3, 1/3, 1/6)`.
    case rk4

    /// The words accepted by `revSchemes`.
    static let names = allCases.map(\.rawValue)

    /// The classical order `p`.
    var order: Int {
        switch self {
        case .euler: return 1
        case .midpoint, .heun: return 2
        case .rk3: return 3
        case .rk4: return 4
        }
    }

    /// `a[i][j]` for `j < i` (row `i` has `i` entries).
    var a: [[Double]] {
        switch self {
        case .euler: return [[]]
        case .midpoint: return [[], [0.5]]
        case .heun: return [[], [1]]
        case .rk3: return [[], [0.5], [-1, 2]]
        case .rk4: return [[], [0.5], [0, 0.5], [0, 0, 1]]
        }
    }

    /// The weights `b_i`.
    var b: [Double] {
        switch self {
        case .euler: return [1]
        case .midpoint: return [0, 1]
        case .heun: return [0.5, 0.5]
        case .rk3: return [1.0 / 6, 2.0 / 3, 1.0 / 6]
        case .rk4: return [1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6]
        }
    }

    /// The stage times `c_i` within the layer.
    var c: [Double] {
        switch self {
        case .euler: return [0]
        case .midpoint: return [0, 0.5]
        case .heun: return [0, 1]
        case .rk3: return [0, 0.5, 1]
        case .rk4: return [0, 0.5, 0.5, 1]
        }
    }

    /// `s`.
    var stages: Int { b.count }

    /// Where on the layer stage `i` of the **reverse** step takes its weights.
    ///
    /// The reverse step is the same tableau run with step `−h` from `t_{n+1}`, so its stage `i`
    /// sits at `t_{n+1} − c_i h`: fraction `1 − c_i` of the layer. A one-node scheme (Euler, all
    /// stages at `c = 0`) holds `θ_n` over the whole layer, so its reverse keeps `θ_n` — the
    /// paper's reverse Euler step.
    func reverseFraction(_ stage: Int) -> Double {
        c.allSatisfy { $0 == 0 } ? 0 : 1 - c[stage]
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import WorkbenchNumerics

/// Gauss–Legendre evaluation of the first-order constants for one (process, window, grid).
///
/// With `b_i(t) = −f − (1 + η²)g²/(2v_i)` and the closed-form propagator
/// `Φ_i(t)² = exp(2∫_ε^t b_i) = (v_i(ε)/v_i(t))·((λ_i + r_ε)/(λ_i + r_t))^{η²}`:
///
///     C_i = ∫_ε^T Φ_i² ρ [b_i² v_i − v_i''/2] dt,     D_i = −(ν_i/2) ∫_ε^T Φ_i ρ a'' dt.
///
/// The rule is `pointCount`-point Gauss–Legendre on geometric panels in `u = t − ε` with
/// breakpoints `0, (T − ε)·10^{−j/2}` for `j = 2·decades, …, 0` (default 16 points × 21 panels),
/// which resolves the layers of width `O(λ + σ_ε²)` near `ε` and the singular density of power
/// grids. Node states are computed once and reused for every eigenvalue and `η`.
struct FirstOrderQuadrature: Sendable {
    let setting: DiffusionSetting
    let grid: TimeGrid
    /// Process states at the nodes.
    let states: [ProcessState]
    /// `w_n·ρ(t_n)` at the nodes.
    let weightedDensity: [Double]
    /// The state at `ε`.
    let truncationState: ProcessState

    init(setting: DiffusionSetting, grid: TimeGrid, pointCount: Int = 16, decades: Int = 10) {
        self.setting = setting
        self.grid = grid
        let length = setting.horizon - setting.truncation
        var breakpoints = [0.0]
        for j in stride(from: 2 * decades, through: 0, by: -1) {
            breakpoints.append(length * pow(10, -Double(j) / 2))
        }
        let rule = GaussLegendre(pointCount: pointCount).compositeRule(breakpoints: breakpoints)
        var states = [ProcessState]()
        var weighted = [Double]()
        states.reserveCapacity(rule.nodes.count)
        weighted.reserveCapacity(rule.nodes.count)
        for (u, w) in zip(rule.nodes, rule.weights) {
            let t = setting.truncation + u
            states.append(setting.process.state(at: t))
            weighted.append(
                w * grid.density(at: t, horizon: setting.horizon, truncation: setting.truncation))
        }
        self.states = states
        self.weightedDensity = weighted
        self.truncationState = setting.process.state(at: setting.truncation)
    }

    /// `(C, D̃)` for one eigenvalue, where `D = ν·D̃`.
    func constants(lambda: Double, eta: Double) -> (variance: Double, meanPerUnitMean: Double) {
        let etaSquared = eta * eta
        let vEps = truncationState.variance(lambda)
        let shiftedEps = lambda + truncationState.noiseToSignal
        var c = 0.0
        var dTilde = 0.0
        for n in states.indices {
            let state = states[n]
            let (v, vSecond) = state.varianceAndSecondDerivative(lambda)
            let b = state.reverseDrift(lambda: lambda, variance: v, etaSquared: etaSquared)
            var phiSquared = vEps / v
            if etaSquared != 0 {
                phiSquared *= pow(shiftedEps / (lambda + state.noiseToSignal), etaSquared)
            }
            c += weightedDensity[n] * phiSquared * (b * b * v - 0.5 * vSecond)
            dTilde += weightedDensity[n] * phiSquared.squareRoot() * state.signalScaleSecondDerivative
        }
        return (c, -0.5 * dTilde)
    }

    /// The constants for a whole spectrum with eigen-mean `ν`.
    func constants(lambdas: [Double], eigenMean: [Double]? = nil, eta: Double)
        -> FirstOrderConstants
    {
        let nu = eigenMean ?? [Double](repeating: 0, count: lambdas.count)
        var cValues = [Double](repeating: 0, count: lambdas.count)
        var dValues = [Double](repeating: 0, count: lambdas.count)
        for i in lambdas.indices {
            let (c, dTilde) = constants(lambda: lambdas[i], eta: eta)
            cValues[i] = c
            dValues[i] = nu[i] * dTilde
        }
        let scale = truncationState.signalScale
        let target = DiagonalGaussian(
            mean: nu.map { scale * $0 }, variance: lambdas.map { truncationState.variance($0) })
        return FirstOrderConstants(
            varianceConstants: cValues, meanConstants: dValues, target: target)
    }
}

/// The exact law of a reverse sampler's output for Gaussian data `N(μ, UΛUᵀ)` with the exact
/// score.
///
/// Every sampler here maps `Y` affinely (plus independent Gaussian noise), so in
/// eigen-coordinates `ξ = UᵀY` the law stays Gaussian and decouples per direction `i`:
/// `M_{k+1} = A_{k,i}M_{k,i} + B_{k,i}`, `P_{k+1} = A_{k,i}²P_{k,i} + Q_k`. For Euler–Maruyama
/// `A = 1 + h_k b_i(t_k)` with `b = −f − c_k/v_i` (see ``ProcessState/fillEulerStep(lambdas:etaSquared:nextTime:variance:factor:)``), `B = h_k c_k a_{t_k}ν_i/v_i(t_k)` and
/// `Q = η²g(t_k)²h_k`. Cost `O(K·d)`; no Monte Carlo noise.
struct ExactSamplerRecursion: Sendable {
    let setting: DiffusionSetting
    /// Eigenvalues `λ_i ≥ 0` of the data covariance, length `d`.
    let lambdas: [Double]
    /// The data mean in eigen-coordinates, `ν = Uᵀμ`, length `d`.
    let eigenMean: [Double]

    init(setting: DiffusionSetting, lambdas: [Double], eigenMean: [Double]? = nil) {
        self.setting = setting
        self.lambdas = lambdas
        self.eigenMean = eigenMean ?? [Double](repeating: 0, count: lambdas.count)
    }

    private var hasMean: Bool { eigenMean.contains { $0 != 0 } }

    /// The forward marginal `p_t` in eigen-coordinates: mean `a_tν`, variances `v_i(t)`.
    func marginal(at t: Double) -> DiagonalGaussian {
        let state = setting.process.state(at: t)
        return DiagonalGaussian(
            mean: eigenMean.map { state.signalScale * $0 },
            variance: lambdas.map { state.variance($0) })
    }

    /// The reference law `p_ε`.
    var target: DiagonalGaussian { marginal(at: setting.truncation) }

    /// The starting law of the chain.
    func initialLaw(_ initialization: ChainInitialization) -> DiagonalGaussian {
        switch initialization {
        case .exact:
            return marginal(at: setting.horizon)
        case .prior:
            let variance = setting.process.priorVariance(horizon: setting.horizon)
            return DiagonalGaussian(
                mean: [Double](repeating: 0, count: lambdas.count),
                variance: [Double](repeating: variance, count: lambdas.count))
        }
    }

    /// The exact law of `Y_K` after `stepCount` steps of `sampler` on `grid`.
    ///
    /// - Precondition: `stepCount ≥ 1`.
    func outputLaw(
        _ sampler: ReverseSampler, grid: TimeGrid, stepCount: Int,
        initialization: ChainInitialization = .exact
    ) -> DiagonalGaussian {
        precondition(stepCount >= 1, "at least one step")
        let times = grid.times(
            stepCount: stepCount, horizon: setting.horizon, truncation: setting.truncation)
        var law = initialLaw(initialization)
        switch sampler {
        case .eulerMaruyama(let eta):
            runEulerMaruyama(eta: eta, times: times, law: &law)
        case .heun:
            runHeun(times: times, law: &law)
        case .ddim:
            runDDIM(times: times, law: &law)
        }
        return law
    }

    private func runEulerMaruyama(eta: Double, times: [Double], law: inout DiagonalGaussian) {
        let d = lambdas.count
        let etaSquared = eta * eta
        let withMean = hasMean
        var v = [Double](repeating: 0, count: d)
        var factor = [Double](repeating: 0, count: d)
        lambdas.withUnsafeBufferPointer { lam in
            eigenMean.withUnsafeBufferPointer { nu in
                v.withUnsafeMutableBufferPointer { vb in
                    factor.withUnsafeMutableBufferPointer { fb in
                        law.mean.withUnsafeMutableBufferPointer { m in
                            law.variance.withUnsafeMutableBufferPointer { p in
                                for k in 0..<(times.count - 1) {
                                    let t = times[k]
                                    let h = t - times[k + 1]
                                    let state = setting.process.state(at: t)
                                    state.fillEulerStep(
                                        lambdas: lam, etaSquared: etaSquared, nextTime: times[k + 1],
                                        variance: vb, factor: fb)
                                    let noise = etaSquared * state.diffusionSquared * h
                                    let forcing =
                                        h * 0.5 * (1 + etaSquared) * state.diffusionSquared
                                        * state.signalScale
                                    for i in 0..<d {
                                        p[i] = fb[i] * fb[i] * p[i] + noise
                                    }
                                    if withMean {
                                        for i in 0..<d {
                                            m[i] = fb[i] * m[i] + forcing * nu[i] / vb[i]
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

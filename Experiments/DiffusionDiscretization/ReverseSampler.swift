/// A sampler for the reverse family
/// `dY_s = [−f(t)Y + ((1 + η²)/2)g(t)²∇log p_t(Y)] ds + η·g(t) dW_s`, `t = T − s`,
/// discretised on a ``TimeGrid`` with the exact (affine) score of Gaussian data.
enum ReverseSampler: Sendable, Equatable, Hashable {
    /// Euler–Maruyama with coefficients frozen at the noisier end `t_k` of each step:
    /// `Y ← Y + h[−f(t_k)Y + c_k∇log p_{t_k}(Y)] + η·g(t_k)√h·Z`, `c_k = (1 + η²)g(t_k)²/2`.
    /// `η = 0` is Euler on the probability-flow ODE, `η = 1` the reverse SDE. First order.
    case eulerMaruyama(eta: Double)
    /// Heun's second-order method (EDM) on the probability-flow ODE (`η = 0`).
    case heun
    /// Deterministic DDIM: `x' = a_{t'}·x̂₀ + σ_{t'}·ε̂` with the exact posterior mean `x̂₀`.
    case ddim

    /// The diffusion coefficient `η` of the continuous-time process the sampler discretises.
    var eta: Double {
        if case .eulerMaruyama(let eta) = self { return eta }
        return 0
    }
}

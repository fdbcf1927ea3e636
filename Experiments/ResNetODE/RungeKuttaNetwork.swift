import WorkbenchNumerics

/// A depth-`N` residual network whose layers are steps of an explicit Runge–Kutta scheme
/// (``RungeKuttaScheme``), with backpropagation and the memory-free adjoint for the loss
/// `L = ‖X_N − Y‖_F²/(2B)` (spec §7.2).
///
/// - Forward layer `n`: `Y_i = X_n + h Σ_{j<i} a_ij K_j`, `K_i = f(Y_i, W_n(c_i))`,
///   `X_{n+1} = X_n + h Σ_i b_i K_i`.
/// - Reverse layer `n` (the adjoint's reconstruction): the same tableau with step `−h` from
///   `X̃_{n+1}`, stage `i` on the weights at fraction ``RungeKuttaScheme/reverseFraction(_:)``.
///   For a scheme of order `p` with `Φ_h = φ_h + h^{p+1}C + …` the heuristic of spec §7.2 gives
///   `Φ_{−h}∘Φ_h − id = O(h^{p+2})` per layer for even `p` and `2h^{p+1}C` for odd `p`.
/// - Backward layer `n` at the state `X_n` with `P = ∂L/∂X_{n+1}`: the stages are recomputed,
///   `K̄_i = h b_i P`; for `i = s … 1`: `(dY, dW) = VJP_f(Y_i, W_n(c_i); K̄_i)`,
///   `∇θ_n += (1 − c_i)dW`, `∇θ_{n+1} += c_i dW`, `K̄_j += h a_ij dY` (`j < i`), and
///   `P ← P + Σ_i dY_i`.
///
/// Euler and Heun reproduce ``ResidualNetwork``'s `euler` and `heun` (`nodes`) methods.
struct RungeKuttaNetwork: Sendable {
    let residual: ResidualFunction
    /// `θ_0 … θ_N`.
    let nodes: [LayerWeights]
    let scheme: RungeKuttaScheme

    /// `N`.
    var depth: Int { nodes.count - 1 }
    /// `h = 1/N`.
    var stepSize: Double { 1 / Double(depth) }

    /// `W_n(c_i)` for every stage of the forward layer `n`.
    func forwardWeights(_ n: Int) -> [LayerWeights] {
        scheme.c.map { nodes[n].interpolated(to: nodes[n + 1], fraction: $0) }
    }

    /// The stage weights of the reverse layer `n`.
    func reverseWeights(_ n: Int) -> [LayerWeights] {
        (0..<scheme.stages).map { nodes[n].interpolated(to: nodes[n + 1], fraction: scheme.reverseFraction($0)) }
    }

    /// The stage inputs `Y_i` and slopes `K_i` of one step of size `step` from `x`.
    func stages(_ x: Matrix, weights: [LayerWeights], step: Double) -> (inputs: [Matrix], slopes: [Matrix]) {
        var inputs = [Matrix]()
        var slopes = [Matrix]()
        for i in 0..<scheme.stages {
            var y = x
            for (j, aij) in scheme.a[i].enumerated() where aij != 0 {
                BLAS.axpy(step * aij, slopes[j].storage, &y.storage)
            }
            slopes.append(residual.evaluate(y, weights[i]))
            inputs.append(y)
        }
        return (inputs, slopes)
    }

    /// `X ← X + step·Σ_i b_i K_i`.
    private func advance(_ x: inout Matrix, weights: [LayerWeights], step: Double) {
        let slopes = stages(x, weights: weights, step: step).slopes
        for (i, bi) in scheme.b.enumerated() where bi != 0 { BLAS.axpy(step * bi, slopes[i].storage, &x.storage) }
    }

    /// Forward layer `n`.
    func step(_ x: inout Matrix, _ n: Int) { advance(&x, weights: forwardWeights(n), step: stepSize) }

    /// Reverse layer `n`: `X̃_{n+1} → X̃_n`.
    func reverseStep(_ x: inout Matrix, _ n: Int) { advance(&x, weights: reverseWeights(n), step: -stepSize) }

    /// `X_N`.
    func output(_ x0: Matrix) -> Matrix {
        var x = x0
        for n in 0..<depth { step(&x, n) }
        return x
    }

    /// Backward layer `n` at the state `x = X_n` (see the type documentation).
    func backwardStep(_ n: Int, state x: Matrix, cotangent p: inout Matrix, gradients: inout [LayerWeights]) {
        let h = stepSize
        let weights = forwardWeights(n)
        let inputs = stages(x, weights: weights, step: h).inputs
        var slopeCotangents = scheme.b.map { (h * $0) * p }
        var total = p
        for i in stride(from: scheme.stages - 1, through: 0, by: -1) {
            let (dy, dW) = residual.vectorJacobianProduct(inputs[i], weights[i], cotangent: slopeCotangents[i])
            let ci = scheme.c[i]
            if ci != 1 { gradients[n].add(dW, scaledBy: 1 - ci) }
            if ci != 0 { gradients[n + 1].add(dW, scaledBy: ci) }
            BLAS.axpy(1, dy.storage, &total.storage)
            for (j, aij) in scheme.a[i].enumerated() where aij != 0 {
                BLAS.axpy(h * aij, dy.storage, &slopeCotangents[j].storage)
            }
        }
        p = total
    }

    /// Gradients by backpropagation through the stored states `X_0 … X_N`, counted in `arena`
    /// (peak `(N + 2)·d·B·8` bytes with the cotangent).
    func backpropagation(_ x0: Matrix, target: Matrix, arena: inout ActivationArena) -> NetworkGradients {
        var states = [x0]
        arena.hold(x0)
        var x = x0
        for n in 0..<depth {
            step(&x, n)
            states.append(x)
            arena.hold(x)
        }
        var cotangent = ResidualNetwork.loss(x, target: target).cotangent
        arena.hold(cotangent)
        arena.release(states[depth])
        var gradients = zeroGradients()
        for n in stride(from: depth - 1, through: 0, by: -1) {
            backwardStep(n, state: states[n], cotangent: &cotangent, gradients: &gradients)
            arena.release(states[n])
        }
        arena.release(cotangent)
        return NetworkGradients(weights: gradients, input: cotangent)
    }

    /// Gradients by the memory-free adjoint from `X_N`, the reconstructed `X̃_0`, counted in
    /// `arena` (the reconstructed state and the cotangent, `2·d·B·8` bytes whatever N). With
    /// `trueStates` the backward steps run at those states instead of the reconstruction (a check
    /// of the bookkeeping: it must reproduce backpropagation).
    func adjoint(
        output xN: Matrix, target: Matrix, arena: inout ActivationArena, trueStates: [Matrix]? = nil
    ) -> (gradients: NetworkGradients, reconstructedInput: Matrix) {
        var cotangent = ResidualNetwork.loss(xN, target: target).cotangent
        var gradients = zeroGradients()
        var x = xN
        arena.hold(x)
        arena.hold(cotangent)
        for n in stride(from: depth - 1, through: 0, by: -1) {
            if let trueStates { x = trueStates[n] } else { reverseStep(&x, n) }
            backwardStep(n, state: x, cotangent: &cotangent, gradients: &gradients)
        }
        arena.release(x)
        arena.release(cotangent)
        return (NetworkGradients(weights: gradients, input: cotangent), x)
    }

    /// Zero gradients for `θ_0 … θ_N`.
    func zeroGradients() -> [LayerWeights] {
        nodes.map { LayerWeights(groups: $0.groups.map { Matrix(rows: $0.rows, columns: $0.columns) }) }
    }
}

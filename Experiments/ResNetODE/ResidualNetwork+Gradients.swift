import WorkbenchNumerics

/// Backpropagation and the memory-free adjoint for the loss `L = ‖X_N − Y‖_F²/(2B)` (spec §5.3).
///
/// Both run the same backward step at a state `X_n` with the cotangent `P = ∂L/∂X_{n+1}`:
/// - Euler: `(dX, dθ) = VJP_f(X_n, θ_n; hP)`, `∇θ_n += dθ`, `P ← P + dX`;
/// - Heun (`nodes`): `Z = X_n + h f(X_n, θ_n)`; `(dZ, dθ') = VJP_f(Z, θ_{n+1}; (h/2)P)`;
///   `C1 = (h/2)P + h dZ`; `(dX1, dθ) = VJP_f(X_n, θ_n; C1)`; `∇θ_{n+1} += dθ'`, `∇θ_n += dθ`,
///   `P ← P + dZ + dX1` (θ_n receives contributions from two steps).
///
/// Backprop uses the stored states `X_0 … X_N`; the adjoint keeps only `X_N` and reconstructs
/// `X_n` from `X_{n+1}` by the reverse step — Euler `X̃ ← X̃ − h f(X̃, θ_n)`, Heun
/// `K1' = f(X̃, θ_{n+1})`, `X̃ ← X̃ − (h/2)(K1' + f(X̃ − hK1', θ_n))`.
extension ResidualNetwork {
    /// `X_0 … X_N` of `method`, each held in `arena` (Heun keeps only `X_n`: the backward
    /// step recomputes `Z_n` from it).
    func states(_ x0: Matrix, _ method: IntegrationMethod, arena: inout ActivationArena) -> [Matrix] {
        var states = [x0]
        arena.hold(x0)
        states.reserveCapacity(depth + 1)
        var x = x0
        for n in 0..<depth {
            switch method {
            case .euler: eulerStep(&x, n)
            case .heun: heunStep(&x, n)
            }
            states.append(x)
            arena.hold(x)
        }
        return states
    }

    /// `X_N` of `method`.
    func output(_ x0: Matrix, _ method: IntegrationMethod) -> Matrix {
        method == .euler ? eulerOutput(x0) : heunOutput(x0)
    }

    /// `(L, ∂L/∂X_N)` for `L = ‖X_N − Y‖_F²/(2B)`.
    static func loss(_ output: Matrix, target: Matrix) -> (value: Double, cotangent: Matrix) {
        let residual = output - target
        let batch = Double(output.columns)
        return (residual.storage.reduce(0) { $0 + $1 * $1 } / (2 * batch), (1 / batch) * residual)
    }

    /// Gradients by backpropagation through the stored states.
    func backpropagation(_ x0: Matrix, target: Matrix, _ method: IntegrationMethod) -> NetworkGradients {
        var arena = ActivationArena()
        return backpropagation(x0, target: target, method, arena: &arena)
    }

    /// Gradients by backpropagation, its kept buffers counted in `arena`: the `N + 1` states and
    /// the cotangent (a state is released once its step is done), peak `(N + 2)·d·B·8` bytes.
    func backpropagation(
        _ x0: Matrix, target: Matrix, _ method: IntegrationMethod, arena: inout ActivationArena
    ) -> NetworkGradients {
        let states = states(x0, method, arena: &arena)
        var cotangent = Self.loss(states[depth], target: target).cotangent
        arena.hold(cotangent)
        arena.release(states[depth])
        var gradients = zeroGradients()
        for n in stride(from: depth - 1, through: 0, by: -1) {
            backwardStep(method, n, state: states[n], cotangent: &cotangent, gradients: &gradients)
            arena.release(states[n])
        }
        arena.release(cotangent)
        return NetworkGradients(weights: gradients, input: cotangent)
    }

    /// Gradients by the memory-free adjoint from the output `X_N`, and the reconstructed `X̃_0`.
    func adjoint(output xN: Matrix, target: Matrix, _ method: IntegrationMethod) -> (
        gradients: NetworkGradients, reconstructedInput: Matrix
    ) {
        var arena = ActivationArena()
        return adjoint(output: xN, target: target, method, arena: &arena)
    }

    /// The adjoint, its kept buffers counted in `arena`: the reconstructed state and the
    /// cotangent, `2·d·B·8` bytes whatever N.
    func adjoint(
        output xN: Matrix, target: Matrix, _ method: IntegrationMethod, arena: inout ActivationArena
    ) -> (gradients: NetworkGradients, reconstructedInput: Matrix) {
        var cotangent = Self.loss(xN, target: target).cotangent
        var gradients = zeroGradients()
        var x = xN
        arena.hold(x)
        arena.hold(cotangent)
        for n in stride(from: depth - 1, through: 0, by: -1) {
            reverseStep(method, n, &x)
            backwardStep(method, n, state: x, cotangent: &cotangent, gradients: &gradients)
        }
        arena.release(x)
        arena.release(cotangent)
        return (NetworkGradients(weights: gradients, input: cotangent), x)
    }

    /// `X_{n+1} → X̃_n` by the reverse step of `method`.
    func reverseStep(_ method: IntegrationMethod, _ n: Int, _ x: inout Matrix) {
        let h = stepSize
        switch method {
        case .euler:
            let f = residual.evaluate(x, nodes[n])
            BLAS.axpy(-h, f.storage, &x.storage)
        case .heun:
            let k1 = residual.evaluate(x, nodes[n + 1])
            var probe = x
            BLAS.axpy(-h, k1.storage, &probe.storage)
            let k2 = residual.evaluate(probe, nodes[n])
            BLAS.axpy(-h / 2, k1.storage, &x.storage)
            BLAS.axpy(-h / 2, k2.storage, &x.storage)
        }
    }

    /// One backward step at the state `X_n` (see the type documentation).
    func backwardStep(
        _ method: IntegrationMethod, _ n: Int, state x: Matrix, cotangent p: inout Matrix,
        gradients: inout [LayerWeights]
    ) {
        let h = stepSize
        switch method {
        case .euler:
            let (dx, dTheta) = residual.vectorJacobianProduct(x, nodes[n], cotangent: h * p)
            gradients[n].add(dTheta)
            BLAS.axpy(1, dx.storage, &p.storage)
        case .heun:
            let k1 = residual.evaluate(x, nodes[n])
            var z = x
            BLAS.axpy(h, k1.storage, &z.storage)
            let half = (h / 2) * p
            let (dz, dNext) = residual.vectorJacobianProduct(z, nodes[n + 1], cotangent: half)
            var c1 = half
            BLAS.axpy(h, dz.storage, &c1.storage)
            let (dx1, dTheta) = residual.vectorJacobianProduct(x, nodes[n], cotangent: c1)
            gradients[n + 1].add(dNext)
            gradients[n].add(dTheta)
            BLAS.axpy(1, dz.storage, &p.storage)
            BLAS.axpy(1, dx1.storage, &p.storage)
        }
    }

    /// Zero gradients for `θ_0 … θ_N`.
    func zeroGradients() -> [LayerWeights] {
        nodes.map { LayerWeights(groups: $0.groups.map { Matrix(rows: $0.rows, columns: $0.columns) }) }
    }
}

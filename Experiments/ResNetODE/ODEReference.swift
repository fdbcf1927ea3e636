import WorkbenchNumerics

/// Reference solutions of the neural ODE `ż = f(z, θ(t))`, `z(0) = x_0`, by classical RK4.
///
/// RK4 step of size `k` from `t`: `k1 = f(z, θ(t))`, `k2 = f(z + (k/2)k1, θ(t + k/2))`,
/// `k3 = f(z + (k/2)k2, θ(t + k/2))`, `k4 = f(z + k k3, θ(t + k))`,
/// `z ← z + (k/6)(k1 + 2k2 + 2k3 + k4)`; global error `O(k⁴)` for `θ` smooth on each step.
enum ODEReference {
    /// `z(1)` on the piecewise-affine path `θ(t) = (1 − a)θ_n + aθ_{n+1}`, `t = (n + a)/N`, with
    /// `substeps` RK4 steps per interval `[n/N, (n+1)/N]`, **aligned to the nodes** so no step
    /// straddles a kink of the path.
    static func piecewiseAffine(
        _ residual: ResidualFunction, nodes: [LayerWeights], substeps: Int, from x0: Matrix
    ) -> Matrix {
        let depth = nodes.count - 1
        let k = 1 / Double(depth * substeps)
        var z = x0
        for n in 0..<depth {
            for s in 0..<substeps {
                let a = Double(s) / Double(substeps)
                let b = Double(s + 1) / Double(substeps)
                let start = nodes[n].interpolated(to: nodes[n + 1], fraction: a)
                let middle = nodes[n].interpolated(to: nodes[n + 1], fraction: (a + b) / 2)
                let end = nodes[n].interpolated(to: nodes[n + 1], fraction: b)
                rungeKuttaStep(residual, &z, size: k, start: start, middle: middle, end: end)
            }
        }
        return z
    }

    /// `z(1)` on the smooth path `Θ(t)` with `steps` uniform RK4 steps (the depth limit).
    static func limit(_ residual: ResidualFunction, path: SmoothWeightPath, steps: Int, from x0: Matrix) -> Matrix {
        let k = 1 / Double(steps)
        var z = x0
        var start = path.weights(at: 0)
        for n in 0..<steps {
            let middle = path.weights(at: (Double(n) + 0.5) * k)
            let end = path.weights(at: Double(n + 1) * k)
            rungeKuttaStep(residual, &z, size: k, start: start, middle: middle, end: end)
            start = end
        }
        return z
    }

    /// One RK4 step of size `k` with the weights at its start, middle and end.
    static func rungeKuttaStep(
        _ residual: ResidualFunction, _ z: inout Matrix, size k: Double,
        start: LayerWeights, middle: LayerWeights, end: LayerWeights
    ) {
        let k1 = residual.evaluate(z, start)
        var probe = z
        BLAS.axpy(k / 2, k1.storage, &probe.storage)
        let k2 = residual.evaluate(probe, middle)
        probe = z
        BLAS.axpy(k / 2, k2.storage, &probe.storage)
        let k3 = residual.evaluate(probe, middle)
        probe = z
        BLAS.axpy(k, k3.storage, &probe.storage)
        let k4 = residual.evaluate(probe, end)
        BLAS.axpy(k / 6, k1.storage, &z.storage)
        BLAS.axpy(k / 3, k2.storage, &z.storage)
        BLAS.axpy(k / 3, k3.storage, &z.storage)
        BLAS.axpy(k / 6, k4.storage, &z.storage)
    }
}

import WorkbenchNumerics

/// A linear ResNet `Π(A) = M_0 M_1 ⋯ M_{N−1}`, `M_n = I + A_n/N`, with `A_n` d×d — the
/// row-vector convention of the paper's Figure 2 (spec pitfall 2), small `d`, plain loops.
///
/// Loss `ℓ(A) = (1/d²)‖Π − B‖_F²` (the mean over the d² entries). With the prefixes
/// `L_n = M_0 ⋯ M_{n−1}` and suffixes `R_n = M_{n+1} ⋯ M_{N−1}`, `dΠ = L_n (dA_n/N) R_n`, so
/// `∂ℓ/∂A_n = (1/N) L_nᵀ G R_nᵀ` with `G = (2/d²)(Π − B)`.
struct LinearResidualNetwork: Sendable {
    /// `A_0 … A_{N−1}`.
    var weights: [Matrix]
    /// The target `B`.
    let target: Matrix

    /// `N`.
    var depth: Int { weights.count }
    /// `d`.
    var dimension: Int { target.rows }

    /// `M_n = I + A_n/N`.
    func layer(_ n: Int) -> Matrix {
        var m = (1 / Double(depth)) * weights[n]
        for i in 0..<dimension { m[i, i] += 1 }
        return m
    }

    /// `Π = M_0 ⋯ M_{N−1}`.
    var product: Matrix {
        var p = Matrix.identity(dimension)
        for n in 0..<depth { p = Self.multiply(p, layer(n)) }
        return p
    }

    /// `(1/d²)‖Π − B‖_F²`.
    var loss: Double { Self.loss(product, target) }

    static func loss(_ product: Matrix, _ target: Matrix) -> Double {
        let r = product - target
        return r.storage.reduce(0) { $0 + $1 * $1 } / Double(r.storage.count)
    }

    /// `(∂ℓ/∂A_n)_n` and the loss, by one prefix pass and one suffix pass.
    func gradient() -> (gradients: [Matrix], loss: Double) {
        let d = dimension
        var prefixes = [Matrix.identity(d)]
        prefixes.reserveCapacity(depth + 1)
        for n in 0..<depth { prefixes.append(Self.multiply(prefixes[n], layer(n))) }
        let residual = prefixes[depth] - target
        let g = (2 / Double(d * d)) * residual
        var gradients = [Matrix](repeating: Matrix(rows: d, columns: d), count: depth)
        var suffix = Matrix.identity(d)
        let scale = 1 / Double(depth)
        for n in stride(from: depth - 1, through: 0, by: -1) {
            // L_nᵀ G R_nᵀ = (R_n Gᵀ L_n)ᵀ.
            gradients[n] = scale * Self.multiply(Self.multiply(prefixes[n].transposed, g), suffix.transposed)
            suffix = Self.multiply(layer(n), suffix)
        }
        return (gradients, Self.loss(prefixes[depth], target))
    }

    /// One gradient step `A_n ← A_n − lr·∂ℓ/∂A_n`; returns the loss before the step.
    @discardableResult
    mutating func descend(learningRate: Double) -> Double {
        let (gradients, loss) = gradient()
        apply(gradients, learningRate: learningRate)
        return loss
    }

    /// `A_n ← A_n − lr·gradients[n]`.
    mutating func apply(_ gradients: [Matrix], learningRate: Double) {
        for n in 0..<depth { weights[n] = weights[n] - learningRate * gradients[n] }
    }

    /// `N·max_n ‖A_{n+1} − A_n‖_F` (0 for one layer).
    var smoothness: Double {
        let jumps = zip(weights, weights.dropFirst()).map { ($1 - $0).frobeniusNorm }
        return Double(depth) * (jumps.max() ?? 0)
    }

    /// `max_n ‖A_n‖_F`.
    var weightSup: Double { weights.map(\.frobeniusNorm).max() ?? 0 }

    /// `A(t)` of the piecewise-affine interpolation with `A(n/N) = A_n` and `A_N := A_{N−1}`.
    func interpolatedWeight(at t: Double) -> Matrix {
        let position = min(max(t, 0), 1) * Double(depth)
        let n = min(Int(position), depth - 1)
        let a = position - Double(n)
        let next = weights[min(n + 1, depth - 1)]
        return (1 - a) * weights[n] + a * next
    }

    /// `T(1)` of `T' = T·A(t)`, `T(0) = I` (the product integral matching Π's order) on the
    /// piecewise-affine weights, by RK4 with `substeps` steps per interval, aligned to the nodes.
    func productIntegral(substeps: Int) -> Matrix {
        var t = Matrix.identity(dimension)
        let h = 1 / Double(depth * substeps)
        for step in 0..<(depth * substeps) {
            let s = Double(step) * h
            let a0 = interpolatedWeight(at: s)
            let a1 = interpolatedWeight(at: s + h / 2)
            let a2 = interpolatedWeight(at: s + h)
            let k1 = Self.multiply(t, a0)
            let k2 = Self.multiply(t + (h / 2) * k1, a1)
            let k3 = Self.multiply(t + (h / 2) * k2, a1)
            let k4 = Self.multiply(t + h * k3, a2)
            t = t + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
        }
        return t
    }

    /// `A·B` by plain loops (d ≤ 8: faster than a BLAS call).
    static func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for j in 0..<b.columns {
            for k in 0..<a.columns {
                let bkj = b.storage[k + j * b.rows]
                for i in 0..<a.rows { c.storage[i + j * a.rows] += a.storage[i + k * a.rows] * bkj }
            }
        }
        return c
    }
}

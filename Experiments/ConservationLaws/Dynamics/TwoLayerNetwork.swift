import WorkbenchNumerics

/// A 2-layer network `g(x) = U σ(Vᵀx + b)` with `U ∈ ℝ^{n×r}` (output side), `V ∈ ℝ^{m×r}` and
/// optional hidden biases `b ∈ ℝ^r`; `σ` is the identity (linear net, no bias) or ReLU.
///
/// The same type holds a gradient (same shapes). The balancedness matrix
/// `M = UᵀU − VᵀV − bbᵀ` carries the laws: all of `M` for the linear net, its diagonal
/// `‖u_j‖² − ‖v_j‖² − b_j²` for ReLU (its off-diagonal entries are not conserved there).
struct TwoLayerNetwork: Sendable {
    enum Activation: String, Sendable {
        case linear, relu
    }

    let activation: Activation
    var u: Matrix
    var v: Matrix
    var b: [Double]

    /// Hidden width `r`.
    var width: Int { u.columns }

    /// Entries i.i.d. `N(0, scale²)` from `random` (U, then V, then b).
    init(
        activation: Activation, outputs: Int, inputs: Int, width: Int, bias: Bool, scale: Double,
        random: inout Xoshiro256StarStar
    ) {
        self.activation = activation
        u = Matrix.gaussian(rows: outputs, columns: width, standardDeviation: scale, using: &random)
        v = Matrix.gaussian(rows: inputs, columns: width, standardDeviation: scale, using: &random)
        b = bias ? (0..<width).map { _ in scale * random.nextGaussian() } : []
    }

    init(activation: Activation, u: Matrix, v: Matrix, b: [Double]) {
        self.activation = activation
        self.u = u
        self.v = v
        self.b = b
    }

    /// `M = UᵀU − VᵀV − bbᵀ` (`r × r`).
    var balance: Matrix {
        var m = Matrix.product(u, u, transposeA: .transpose)
        m.addProduct(v, v, transposeA: .transpose, alpha: -1)
        for i in 0..<b.count {
            for j in 0..<b.count { m[i, j] -= b[i] * b[j] }
        }
        return m
    }

    /// `self + α·other` (same shapes).
    func adding(_ other: TwoLayerNetwork, times alpha: Double) -> TwoLayerNetwork {
        TwoLayerNetwork(
            activation: activation, u: u + alpha * other.u, v: v + alpha * other.v,
            b: zip(b, other.b).map { $0 + alpha * $1 })
    }

    /// `‖U‖_F² + ‖V‖_F² + ‖b‖²`.
    var squaredNorm: Double {
        let bias = b.reduce(0) { $0 + $1 * $1 }
        return u.frobeniusNorm * u.frobeniusNorm + v.frobeniusNorm * v.frobeniusNorm + bias
    }

    /// The entries of `balance` that are laws: all for the linear net, the diagonal for ReLU.
    func isLawEntry(_ i: Int, _ j: Int) -> Bool { activation == .linear || i == j }
}

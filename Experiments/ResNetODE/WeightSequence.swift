import WorkbenchNumerics

/// The node weights `θ_0 … θ_N` of a depth-`N` network under a ``WeightScheme``.
///
/// `N + 1` nodes are always generated: Euler uses `θ_0 … θ_{N−1}` and the piecewise-affine ODE
/// path (and Heun, `nodes` convention) all of them.
enum WeightSequence {
    /// The `depth + 1` nodes of `scheme`.
    ///
    /// - Parameters:
    ///   - path: the fixed smooth path `Θ` (used by `smooth` and `alternating`; its group shapes
    ///     give the shapes of the random schemes).
    ///   - scale: `s` in `N(0, s²/fan_in)` (i.i.d. entries and the start of the walks).
    ///   - generator: the stream `(seed, part, residual, scheme, N)`, read only by random schemes.
    static func nodes<G: RandomNumberGenerator>(
        _ scheme: WeightScheme, path: SmoothWeightPath, depth: Int, scale: Double, using generator: inout G
    ) -> [LayerWeights] {
        let n = Double(depth)
        let shapes = path.coefficients.first?.groups.map { (rows: $0.rows, columns: $0.columns) } ?? []
        func gaussian(_ deviation: Double) -> LayerWeights {
            LayerWeights(
                groups: shapes.map {
                    Matrix.gaussian(
                        rows: $0.rows, columns: $0.columns,
                        standardDeviation: deviation / Double($0.columns).squareRoot(), using: &generator)
                })
        }
        switch scheme {
        case .smooth:
            return (0...depth).map { path.weights(at: Double($0) / n) }
        case .alternating:
            return (0...depth).map { path.weights(at: Double($0) / n).scaled(by: $0.isMultiple(of: 2) ? 1 : -1) }
        case .iid:
            return (0...depth).map { _ in gaussian(scale) }
        case .lipwalk, .brownian:
            let step = scheme == .lipwalk ? 3 / n : 1 / n.squareRoot()
            var current = gaussian(scale)
            var nodes = [current]
            for _ in 0..<depth {
                current.add(gaussian(1), scaledBy: step)
                nodes.append(current)
            }
            return nodes
        }
    }

    /// Total variation `Σ_{n<N} Σ_groups ‖θ_{n+1} − θ_n‖_F` of the nodes.
    static func totalVariation(_ nodes: [LayerWeights]) -> Double {
        zip(nodes, nodes.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    }
}

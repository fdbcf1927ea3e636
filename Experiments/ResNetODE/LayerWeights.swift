import WorkbenchNumerics

/// The parameters `θ_n` of one layer: one matrix per parameter group (see
/// ``ResidualKind/groupShapes(dimension:hidden:)``).
struct LayerWeights: Sendable, Equatable {
    /// `[W]` for linear/tanh/relu, `[W1, W2]` for the MLP.
    var groups: [Matrix]

    /// Zero weights of the given shapes.
    init(zeroShapes shapes: [(rows: Int, columns: Int)]) {
        groups = shapes.map { Matrix(rows: $0.rows, columns: $0.columns) }
    }

    init(groups: [Matrix]) { self.groups = groups }

    /// `(1 − a)·self + a·other`, the piecewise-affine interpolation between two nodes.
    func interpolated(to other: LayerWeights, fraction a: Double) -> LayerWeights {
        if a == 0 { return self }
        if a == 1 { return other }
        var result = self
        for g in groups.indices {
            BLAS.scale(1 - a, &result.groups[g].storage)
            BLAS.axpy(a, other.groups[g].storage, &result.groups[g].storage)
        }
        return result
    }

    /// `α·self`.
    func scaled(by alpha: Double) -> LayerWeights {
        LayerWeights(groups: groups.map { alpha * $0 })
    }

    /// `Σ_groups ‖self_g − other_g‖_F` (the per-group Frobenius norms summed, spec §5.2).
    func distance(to other: LayerWeights) -> Double {
        zip(groups, other.groups).reduce(0) { $0 + ($1.0 - $1.1).frobeniusNorm }
    }

    /// `self ← self + α·other`, group by group.
    mutating func add(_ other: LayerWeights, scaledBy alpha: Double = 1) {
        for g in groups.indices { BLAS.axpy(alpha, other.groups[g].storage, &groups[g].storage) }
    }

    /// `Σ_groups ‖θ_g‖_F²`.
    var squaredNorm: Double { groups.reduce(0) { $0 + $1.storage.reduce(0) { $0 + $1 * $1 } } }

    /// All entries, group after group (column-major within a group).
    var flattened: [Double] { groups.flatMap(\.storage) }
}

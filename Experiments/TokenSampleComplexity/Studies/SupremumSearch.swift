import Foundation
import WorkbenchNumerics

/// The largest attention error `max_x ‖Γ_{μ_n}(x) − Γ_μ(x)‖` over a query set for one token
/// sample, and an optional local search that can only raise it (a stronger lower bound on the
/// sup over the ball).
struct SupremumSearch {
    let model: GaussianTokenModel
    let tokens: Matrix
    let radius: Double
    private let kernel = SoftmaxAttention()
    private var workspace = AttentionWorkspace()
    /// The worst queries found so far with their errors, worst first.
    private(set) var worst: [(query: [Double], error: Double)] = []

    init(model: GaussianTokenModel, tokens: Matrix, radius: Double) {
        self.model = model
        self.tokens = tokens
        self.radius = radius
    }

    /// Errors `‖O_i − exact_i‖` for the rows of `queries`.
    mutating func errors(queries: Matrix, exact: Matrix) throws -> [Double] {
        let output = try kernel.attend(
            queries: queries, tokens: tokens, bilinearForm: model.bilinearForm,
            valueMap: model.valueMap, workspace: &workspace)
        return (0..<queries.rows).map { i in
            var sum = 0.0
            for c in 0..<output.columns {
                let delta = output[i, c] - exact[i, c]
                sum += delta * delta
            }
            return sum.squareRoot()
        }
    }

    /// The maximum error over `queries` (exact values given row by row); remembers the four
    /// worst queries for ``refine(steps:using:)``.
    mutating func maximumError(queries: Matrix, exact: Matrix) throws -> Double {
        let values = try errors(queries: queries, exact: exact)
        let order = values.indices.sorted { values[$0] > values[$1] }
        worst = order.prefix(4).map { (queries.row($0), values[$0]) }
        return worst.first?.error ?? 0
    }

    /// `steps` rounds of random perturbation of the four worst queries (step `0.1·R`, Gaussian
    /// direction), projected onto the ball `‖x‖ ≤ R`, keeping improvements. Returns the new max.
    mutating func refine<G: RandomNumberGenerator>(steps: Int, using generator: inout G) throws -> Double {
        guard !worst.isEmpty, radius > 0 else { return worst.first?.error ?? 0 }
        let d = model.dimension
        let stepSize = 0.1 * radius / Double(d).squareRoot()
        for _ in 0..<steps {
            let proposals = worst.map { entry -> [Double] in
                var x = zip(entry.query, generator.gaussianVector(d)).map { $0 + stepSize * $1 }
                let norm = BLAS.norm2(x)
                if norm > radius { x = x.map { $0 * radius / norm } }
                return x
            }
            let queries = Matrix(rowMajor: proposals)
            let exact = Matrix(rowMajor: proposals.map { model.meanFieldMap($0) })
            let values = try errors(queries: queries, exact: exact)
            for k in worst.indices where values[k] > worst[k].error {
                worst[k] = (proposals[k], values[k])
            }
        }
        return worst.map(\.error).max() ?? 0
    }
}

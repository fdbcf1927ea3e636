import Foundation
import WorkbenchNumerics

/// The homogeneous polynomial laws of degree `k`: the `h = Σ_α a_α m_α` with `⟨∇h, X_i⟩ ≡ 0`
/// for every generator, found as the kernel of the linear system `row·a = 0` collected over
/// random points (rows `∇m_α(θ_s)·X_i(θ_s)`).
///
/// Each point adds at most `dim W(θ_s)` independent rows, so the system is grown point by point
/// until its rank has not grown for 3 consecutive points (a fixed row budget would be wrong).
/// The kernel is taken mod p; the number of independent laws is the rank of the kernel
/// polynomials' gradients at a fresh point, never the kernel dimension (1-3-1: 9 vs 5).
struct PolynomialLawSearch {
    let model: FactorizedModel
    let degree: Int

    struct Outcome: Sendable {
        var unknowns = 0
        var pointsUsed = 0
        var kernelDimension = 0
        var gradientRank = 0
        var knownRank = 0
        var knownInKernel = true
        var floatKernelDimension = 0
        /// Largest principal angle between the float kernel and the span of the known laws
        /// (`nil` unless the kernel dimension equals the known laws' count).
        var maximumPrincipalAngle: Double?
        /// The float kernel in reduced row-echelon form, one text per law
        /// (``PolynomialLawText``).
        var laws: [String] = []
    }

    func run(random: inout Xoshiro256StarStar) throws -> Outcome {
        let modular = ModularArithmetic()
        let basis = try HomogeneousMonomialBasis(dimension: model.dimension, degree: degree)
        var outcome = Outcome()
        outcome.unknowns = basis.count
        var system = ModularRowBasis(dimension: basis.count)
        var stalled = 0
        var realRows = [[Double]]()
        while stalled < 3 {
            let points = EvaluationPoints(dimension: model.dimension, random: &random)
            outcome.pointsUsed += 1
            let before = system.rank
            let values = model.generators.map { FieldEvaluation($0, at: points.modular, in: modular).value }
            let gradients = basis.gradients(at: points.modular, in: modular)
            for row in basis.constraintRows(gradients: gradients, fieldValues: values, in: modular) {
                system.insert(row)
            }
            let real = RealArithmetic()
            let realValues = model.generators.map { FieldEvaluation($0, at: points.real, in: real).value }
            realRows += basis.constraintRows(
                gradients: basis.gradients(at: points.real, in: real), fieldValues: realValues, in: real)
            stalled = system.rank > before ? 0 : stalled + 1
        }
        let kernel = system.kernelBasis()
        outcome.kernelDimension = kernel.count

        // Gradient rank of the kernel polynomials, and of the known laws, at a fresh point.
        let fresh = EvaluationPoints(dimension: model.dimension, random: &random)
        let freshGradients = basis.gradients(at: fresh.modular, in: modular)
        outcome.gradientRank = ModularRowBasis.rank(
            of: kernel.map { gradientOf($0, freshGradients, dimension: model.dimension) }, dimension: model.dimension)
        let known = model.knownLaws.compactMap(basis.coefficients(of:))
        outcome.knownRank = ModularRowBasis.rank(
            of: known.map { gradientOf($0, freshGradients, dimension: model.dimension) }, dimension: model.dimension)
        outcome.knownInKernel =
            known.count == model.knownLaws.count && known.allSatisfy { !system.anyRowPairsNonzero(with: $0) }

        while realRows.count < basis.count {
            // The float kernel needs at least M rows for a full set of right singular vectors.
            let points = EvaluationPoints(dimension: model.dimension, random: &random)
            let real = RealArithmetic()
            let realValues = model.generators.map { FieldEvaluation($0, at: points.real, in: real).value }
            realRows += basis.constraintRows(
                gradients: basis.gradients(at: points.real, in: real), fieldValues: realValues, in: real)
        }
        let floatKernel = try Self.floatKernel(realRows, columns: basis.count)
        outcome.floatKernelDimension = floatKernel.count
        let names = PolynomialLawText.names(model.architecture, dimension: model.dimension)
        outcome.laws = PolynomialLawText.reducedRowEchelon(floatKernel).map {
            PolynomialLawText.text($0, basis: basis, names: names)
        }
        let knownReal = model.knownLaws.compactMap(basis.realCoefficients(of:))
        if !knownReal.isEmpty, floatKernel.count == outcome.knownRank, knownReal.count == outcome.knownRank {
            outcome.maximumPrincipalAngle = try Self.largestPrincipalAngle(floatKernel, knownReal, columns: basis.count)
        }
        return outcome
    }

    /// `∇h(θ) = Σ_α a_α ∇m_α(θ)` mod p.
    private func gradientOf(_ coefficients: [UInt64], _ gradients: [[(Int, UInt64)]], dimension: Int) -> [UInt64] {
        let modular = ModularArithmetic()
        var result = [UInt64](repeating: 0, count: dimension)
        for (a, gradient) in zip(coefficients, gradients) where a != 0 {
            for (v, g) in gradient { result[v] = modular.add(result[v], modular.multiply(a, g)) }
        }
        return result
    }

    /// Orthonormal kernel of the row-normalized rows: right singular vectors with
    /// `σ < 1e−9·σ_1` (LAPACK `dgesdd`).
    static func floatKernel(_ rows: [[Double]], columns: Int) throws -> [[Double]] {
        let normalized = rows.compactMap { row -> [Double]? in
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? row.map { $0 / norm } : nil
        }
        let matrix = Matrix(rows: normalized.count, columns: columns) { normalized[$0][$1] }
        let svd = try SingularValueDecomposition(of: matrix, computeVectors: true)
        guard let vt = svd.vt, let largest = svd.singularValues.first else { return [] }
        return svd.singularValues.indices.filter { svd.singularValues[$0] < 1e-9 * largest }.map { vt.row($0) }
    }

    /// `θ_max` between the span of `kernel` (orthonormal rows) and the span of `known`:
    /// `sin θ_max = ‖(I − P_known)Q_kernel‖₂` (accurate for small angles, unlike `arccos`).
    static func largestPrincipalAngle(_ kernel: [[Double]], _ known: [[Double]], columns: Int) throws -> Double {
        let knownMatrix = Matrix(rows: columns, columns: known.count) { known[$1][$0] }
        let knownBasis = try SingularValueDecomposition(of: knownMatrix, computeVectors: true)
        guard let u = knownBasis.u, let largest = knownBasis.singularValues.first else { return .nan }
        let rank = knownBasis.singularValues.filter { $0 > 1e-12 * largest }.count
        let q = Matrix(rows: columns, columns: rank) { u[$0, $1] }
        let k = Matrix(rows: columns, columns: kernel.count) { kernel[$1][$0] }
        let projection = Matrix.product(q, Matrix.product(q, k, transposeA: .transpose))
        let residual = k - projection
        return asin(min(1, try residual.spectralNorm()))
    }
}

import Foundation
import WorkbenchNumerics

/// The trace dimension `dim Lie(W_φ)(θ)` at one random point, exactly (ranks mod `p = 2⁶¹ − 1`)
/// with lazy brackets, and cross-checked in floating point.
///
/// With `W_0 = span{X_i}` and `W_{k+1} = W_k + span[W_0, W_k]`, `Lie(W_φ) = ∪_k W_k`. Level 0
/// inserts the generator values `X_i(θ_p)` into a reduced-echelon basis; accepted generators are
/// the pivots. Level `k ≥ 1` evaluates `[Z, X](θ) = J_X(θ)·Z(θ) − J_Z(θ)·X(θ)` for every pivot
/// generator `Z` and every field `X` accepted at level `k − 1` from stored values and Jacobians
/// only, and forms the bracket polynomial `[Z, X]` only when its value is independent of the
/// basis. Pruning is valid at a generic point: a field pointwise dependent on the basis is a
/// smooth combination `Σ c_j Y_j` near `θ`, and `[Z, Σ c_j Y_j] = Σ c_j [Z, Y_j] + Σ (Z c_j) Y_j`
/// adds no direction; a non-pivot generator is likewise a combination of pivots. The loop stops
/// when a level accepts nothing, at rank `D`, at the early-exit rank, or after the level cap.
struct LieTraceComputation {
    let model: FactorizedModel
    let settings: LieTraceSettings

    /// Runs the computation at `points`; `random` subsamples the rejected rows of the float check.
    func run(at points: EvaluationPoints, random: inout Xoshiro256StarStar) throws -> LieTracePoint {
        let modular = ModularArithmetic()
        let real = RealArithmetic()
        var result = LieTracePoint()
        var basis = ModularRowBasis(dimension: model.dimension)
        var acceptedRows = [[Double]]()
        var rejectedRows = [[Double]]()
        var accepted = [TrackedField]()

        let generators = model.generators.map { TrackedField($0, at: points) }
        var pivots = [TrackedField]()
        for generator in generators {
            note(generator.field, in: &result)
            acceptedRows.append(generator.real.value)
            if basis.insert(generator.modular.value) { pivots.append(generator) }
        }
        accepted += pivots
        result.levels.append(basis.rank)

        var newest = pivots
        var level = 1
        while !newest.isEmpty, basis.rank < model.dimension, level <= settings.maximumLevels,
            basis.rank != settings.earlyExitRank
        {
            var acceptedThisLevel = [TrackedField]()
            outer: for (xIndex, x) in newest.enumerated() {
                for (zIndex, z) in pivots.enumerated() {
                    // At level 1 both come from the pivots: [Z, X] = −[X, Z], [X, X] = 0.
                    if level == 1, zIndex >= xIndex { continue }
                    result.bracketsEvaluated += 1
                    let value = x.modular.lazyBracket(after: z.modular, in: modular)
                    if basis.insert(value) {
                        let field: PolynomialVectorField
                        do {
                            field = try z.field.bracket(with: x.field, maximumTerms: settings.maximumTermsPerField)
                        } catch PolynomialError.tooManyTerms(let count) {
                            result.capped = true
                            result.maximumTerms = max(result.maximumTerms, count)
                            break outer
                        }
                        result.bracketsFormed += 1
                        note(field, in: &result)
                        let tracked = TrackedField(field, at: points)
                        acceptedRows.append(tracked.real.value)
                        acceptedThisLevel.append(tracked)
                        if basis.rank == model.dimension || basis.rank == settings.earlyExitRank { break outer }
                    } else {
                        rejectedRows.append(x.real.lazyBracket(after: z.real, in: real))
                    }
                }
            }
            if result.capped { break }
            if !acceptedThisLevel.isEmpty { result.levels.append(basis.rank) }
            accepted += acceptedThisLevel
            newest = acceptedThisLevel
            level += 1
        }

        try crossCheck(
            accepted: acceptedRows, rejected: rejectedRows, exactRank: basis.rank, into: &result, random: &random)
        verifyKnownLaws(accepted: accepted, points: points, into: &result)
        return result
    }

    private func note(_ field: PolynomialVectorField, in result: inout LieTracePoint) {
        result.maximumTerms = max(result.maximumTerms, field.termCount)
        result.maximumDegree = max(result.maximumDegree, field.degree)
        result.maximumAbsoluteCoefficient = max(result.maximumAbsoluteCoefficient, field.maximumAbsoluteCoefficient)
    }

    /// Stacks every accepted row and (a seeded subsample of) the rejected rows at `θ_f`, scales
    /// each row to unit length, and counts singular values above `tol·σ_1` (LAPACK `dgesdd`).
    private func crossCheck(
        accepted: [[Double]], rejected: [[Double]], exactRank: Int, into result: inout LieTracePoint,
        random: inout Xoshiro256StarStar
    ) throws {
        var rejectedKept = rejected
        let room = max(0, settings.maximumFloatRows - accepted.count)
        if rejectedKept.count > room {
            rejectedKept.shuffle(using: &random)
            rejectedKept.removeLast(rejectedKept.count - room)
        }
        let rows = (accepted + rejectedKept).compactMap { row -> [Double]? in
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? row.map { $0 / norm } : nil
        }
        guard !rows.isEmpty else {
            result.floatRank = 0
            return
        }
        let matrix = Matrix(rows: rows.count, columns: model.dimension) { rows[$0][$1] }
        let sigma = try SingularValueDecomposition(of: matrix, computeVectors: false).singularValues
        let threshold = settings.floatRelativeTolerance * (sigma.first ?? 0)
        result.floatRank = sigma.filter { $0 > threshold }.count
        if exactRank >= 1, exactRank < sigma.count, sigma[exactRank] > 0 {
            result.gapLog10 = log10(sigma[exactRank - 1] / sigma[exactRank])
        } else {
            result.gapLog10 = .infinity
        }
    }

    /// The known laws' gradients at `θ_p`: their rank mod p, and `⟨∇h, X⟩ ≡ 0` for every
    /// generator and accepted field.
    private func verifyKnownLaws(accepted: [TrackedField], points: EvaluationPoints, into result: inout LieTracePoint) {
        let modular = ModularArithmetic()
        var gradients = [[UInt64]]()
        for law in model.knownLaws {
            var gradient = [UInt64](repeating: 0, count: model.dimension)
            for (variable, value) in law.gradient(at: points.modular, in: modular) { gradient[variable] = value }
            gradients.append(gradient)
        }
        result.knownRank = ModularRowBasis.rank(of: gradients, dimension: model.dimension)
        let fields =
            model.generators.map { FieldEvaluation($0, at: points.modular, in: modular).value }
            + accepted.map(\.modular.value)
        for gradient in gradients {
            for field in fields {
                var dot: UInt64 = 0
                for (g, f) in zip(gradient, field) where g != 0 && f != 0 {
                    dot = modular.add(dot, modular.multiply(g, f))
                }
                if dot != 0 { result.knownOrthogonal = false }
            }
        }
    }
}

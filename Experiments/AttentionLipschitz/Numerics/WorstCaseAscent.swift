import WorkbenchCore
import WorkbenchNumerics

/// Projected gradient ascent of `σ(X) = ‖Df(X)‖₂` over `X ∈ B_Rⁿ` (spec §5.1 step 10; beyond
/// the paper, which only has constructions). A heuristic lower bound on `Lip(f|B_Rⁿ)`.
///
/// At the top singular pair `(σ, v, u = Jv/σ)`, `∇_X σ = ∇_X ⟨u, Df(X) v⟩`, the Hessian of
/// `⟨u, f⟩` applied to `v`, computed as `[VJP_{X+εv}(u) − VJP_{X−εv}(u)]/(2ε)`, `ε = 1e−5`.
/// The step is `X ← Proj(X + η R√n·∇/‖∇‖)` with `η` falling linearly from 0.05 to 0, and
/// `Proj` scales each token back into the ball. Restart 0 starts from the C3 construction
/// (``AdversarialConstruction``, `.paper` rule, `.symmetric` if `A` has no real eigenvalue), the
/// others from tokens uniform on the sphere of radius R. The best iterate is kept.
struct WorstCaseAscent {
    let head: AttentionHead
    let count: Int
    let radius: Double
    let restarts: Int
    let steps: Int
    let cap: Int

    struct Result {
        let value: Double
        let tokens: Matrix
        /// σ at the construction (restart 0's starting point).
        let construction: Double
    }

    func construction() throws -> Matrix {
        let a = head.bilinearForm
        let built = try AdversarialConstruction(bilinearForm: a, rule: .paper)
        let chosen = try built ?? AdversarialConstruction(bilinearForm: a, rule: .symmetric)
        guard let chosen else { throw ExperimentError.failed("ascent: A has no eigenvalue") }
        return chosen.tokens(count: count, radius: radius)
    }

    func run(streams: RunContext, label: String, index: Int) throws -> Result {
        let d = head.inputDimension
        var best = (value: -Double.infinity, tokens: Matrix(rows: d, columns: count))
        var constructionValue = Double.nan
        for restart in 0..<restarts {
            var generator = streams.random(.label(label), "ascent", .of(index), .of(restart))
            var x: Matrix
            if restart == 0 {
                x = try construction()
            } else {
                x = Matrix(rows: d, columns: count)
                for i in 0..<count {
                    let direction = generator.unitSphereVector(dimension: d)
                    for a in 0..<d { x[a, i] = radius * direction[a] }
                }
            }
            for step in 0...steps {
                let state = head.linearised(at: x)
                let top = try LocalConstant.estimate(state, generator: &generator, maximumSteps: cap)
                if restart == 0 && step == 0 { constructionValue = top.value }
                if top.value > best.value { best = (top.value, x) }
                if step == steps { break }
                let epsilon = 1e-5
                let v = Matrix(rows: d, columns: count, columnMajor: top.rightVector)
                let u = Matrix(rows: head.outputDimension, columns: count, columnMajor: top.leftVector)
                let plus = head.linearised(at: x + epsilon * v).vjp(u)
                let minus = head.linearised(at: x - epsilon * v).vjp(u)
                let gradient = (1 / (2 * epsilon)) * (plus - minus)
                let norm = gradient.frobeniusNorm
                guard norm > 0, norm.isFinite else { break }
                let eta = 0.05 * (1 - Double(step) / Double(steps))
                x = x + (eta * radius * Double(count).squareRoot() / norm) * gradient
                for i in 0..<count {
                    let length = BLAS.norm2(x.column(i))
                    if length > radius { for a in 0..<d { x[a, i] *= radius / length } }
                }
            }
        }
        return Result(value: best.value, tokens: best.tokens, construction: constructionValue)
    }
}

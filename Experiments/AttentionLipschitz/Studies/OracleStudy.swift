import WorkbenchCore
import WorkbenchNumerics

/// The `oracles` part: O0–O4, O6, O7 and Lanczos against `dgesdd` (spec A1–A3, A9), on small
/// seeded cases (d ≤ 16, n ≤ 12).
///
/// Records the worst relative errors `oracle.o0.fd`, `oracle.o0.adjoint`, `oracle.o0.full`,
/// `oracle.o1`, `oracle.o2`, `oracle.o3`, `oracle.o4`, the worst absolute O7 error
/// `oracle.o7_abs`, `oracle.lanczos` (against `dgesdd`, nd ≤ 512), the paper power iteration
/// `oracle.power_ratio` (min of its estimate over σ) and `oracle.power_iterations` (max), and
/// the O6 path `oracle.o6.sigma` against R with its limit, error, draw index and `gap·R²`.
struct OracleStudy {
    let context: RunContext

    func run() throws {
        try derivativeChecks()
        try exactValues()
        try lanczosChecks()
        try hardmaxLimit()
    }

    /// A random head (N(0, 4/d) projections, so scores are O(1)–O(10)) and tokens of norm ≤ 3.
    func randomCase(_ index: Int, d: Int, n: Int, causal: Bool) -> (AttentionHead, Matrix) {
        var generator = context.random("oracles", "case", .of(index))
        return Self.randomCase(d: d, k: max(1, d / 2), dv: d, n: n, causal: causal, bias: true, using: &generator)
    }

    /// A head with `N(0, 4/d)` query and key projections of width `k` (scale 1/√k), `N(0, 1/d)`
    /// values of width `dv`, an `N(0, 1)` query bias when `bias`, and `n` tokens of norm uniform
    /// in [0, 3] (spec A1's setting), drawn in that order from `generator`.
    static func randomCase(
        d: Int, k: Int, dv: Int, n: Int, causal: Bool, bias: Bool, using generator: inout Xoshiro256StarStar
    ) -> (AttentionHead, Matrix) {
        let s = 1 / Double(d).squareRoot()
        let head = AttentionHead(
            query: .gaussian(rows: k, columns: d, standardDeviation: 2 * s, using: &generator),
            key: .gaussian(rows: k, columns: d, standardDeviation: 2 * s, using: &generator),
            value: .gaussian(rows: dv, columns: d, standardDeviation: s, using: &generator),
            queryBias: bias ? generator.gaussianVector(d) : nil, scale: 1 / Double(k).squareRoot(), causal: causal)
        var tokens = Matrix.gaussian(rows: d, columns: n, using: &generator)
        for i in 0..<n {
            let norm = BLAS.norm2(tokens.column(i))
            let radius = 3 * generator.nextUniform()
            for a in 0..<d { tokens[a, i] *= radius / norm }
        }
        return (head, tokens)
    }

    static func relative(_ a: [Double], _ b: [Double]) -> Double {
        BLAS.norm2(zip(a, b).map { $0 - $1 }) / max(BLAS.norm2(b), .leastNormalMagnitude)
    }

    /// O0: finite differences (ε = 1e−6), adjointness and the block formula, masked and not.
    func derivativeChecks() throws {
        var fd = 0.0
        var adjoint = 0.0
        var full = 0.0
        for index in 0..<8 {
            let (head, x) = randomCase(index, d: 6, n: 8, causal: index % 2 == 1)
            let state = head.linearised(at: x)
            var generator = context.random("oracles", "directions", .of(index))
            let u = generator.gaussianVector(state.columnCount)
            let y = generator.gaussianVector(state.rowCount)
            let direction = Matrix(rows: x.rows, columns: x.columns, columnMajor: u)
            let plus = head(x + 1e-6 * direction).storage
            let minus = head(x - 1e-6 * direction).storage
            fd = max(fd, Self.relative(state.apply(u), zip(plus, minus).map { ($0 - $1) / 2e-6 }))
            let left = BLAS.dot(state.apply(u), y)
            adjoint = max(adjoint, abs(left - BLAS.dot(u, state.applyTransposed(y))) / max(abs(left), 1e-300))
            full = max(full, Self.relative(FullJacobian.of(state).storage, FullJacobian.materialise(state).storage))
        }
        try context.record("oracle.o0.fd", fd)
        try context.record("oracle.o0.adjoint", adjoint)
        try context.record("oracle.o0.full", full)
    }

    static func sigma(_ head: AttentionHead, _ x: Matrix) throws -> Double {
        try FullJacobian.of(head.linearised(at: x)).spectralNorm()
    }

    /// O1–O4 (relative errors) and O7 (absolute, against the spec's 6-decimal values).
    func exactValues() throws {
        var generator = context.random("oracles", "exact")
        let d = 5
        let v = Matrix.gaussian(rows: d, columns: d, using: &generator)
        let normV = try v.spectralNorm()
        let zero = AttentionHead(bilinear: Matrix(rows: d, columns: d), value: v)
        let random = AttentionHead(bilinear: .gaussian(rows: d, columns: d, using: &generator), value: v)
        var o1 = 0.0
        var o2 = 0.0
        var o3 = 0.0
        for n in [2, 5, 12] {
            let x = Matrix.gaussian(rows: d, columns: n, using: &generator)
            o1 = max(o1, abs(try Self.sigma(zero, x) - normV) / normV)
            let column = generator.gaussianVector(d)
            let same = Matrix(rows: d, columns: n) { r, _ in column[r] }
            o2 = max(o2, abs(try Self.sigma(random, same) - normV) / normV)
            let cesaro = try ClosedFormOracles.cesaro(n).spectralNorm() * normV
            o3 = max(o3, abs(try Self.sigma(zero.masked(true), x) - cesaro) / cesaro)
            o3 = max(o3, abs(try Self.sigma(random.masked(true), same) - cesaro) / cesaro)
        }
        var o4 = 0.0
        for radius in [1.0, 2, 4, 8, 16] {
            let (head, x) = ClosedFormOracles.nonLipschitzConfiguration(a: 1, radius: radius)
            let exact = ClosedFormOracles.nonLipschitzValue(a: 1, radius: radius)
            o4 = max(o4, abs(try Self.sigma(head, x) - exact) / exact)
        }
        try context.record("oracle.o1", o1)
        try context.record("oracle.o2", o2)
        try context.record("oracle.o3", o3)
        try context.record("oracle.o4", o4)
        try context.record("oracle.o7_abs", try workedExamples())
    }

    /// The largest absolute deviation from the O7 literal values.
    func workedExamples() throws -> Double {
        var worst = 0.0
        let one = AttentionHead(bilinear: Matrix(rowMajor: [[1]]), value: Matrix(rowMajor: [[1]]))
        let x1 = Matrix(rowMajor: [[1, 0]])
        let j = FullJacobian.of(one.linearised(at: x1))
        for (value, reference) in zip(j.storage, [1.124282, 0.5, 0.072329, 0.75]) {
            worst = max(worst, abs(value - reference))
        }
        let values = try SingularValueDecomposition(of: j, computeVectors: false).singularValues
        worst = max(worst, abs(values[0] - 1.303152), abs(values[1] - 0.619304))
        worst = max(worst, abs(try Self.sigma(one.masked(true), x1) - 1.189522))
        let head = AttentionHead(
            bilinear: Matrix(rowMajor: [[2, 0.5], [-0.5, 1]]), value: Matrix(rowMajor: [[1, 0], [0.5, 2]]))
        let x = Matrix(rowMajor: [[1, 0, -1], [0, 1, 1]])
        let spectrum = try SingularValueDecomposition(
            of: FullJacobian.of(head.linearised(at: x)), computeVectors: false)
        for (value, reference) in zip(
            spectrum.singularValues, [2.180166, 2.119849, 1.657572, 1.375242, 1.196019, 0.881566])
        {
            worst = max(worst, abs(value - reference))
        }
        worst = max(worst, abs(try Self.sigma(head.masked(true), x) - 2.239790))
        return worst
    }

    /// A3: Lanczos (cap 200) against `dgesdd` on nd ≤ 512, and the paper's power iteration.
    func lanczosChecks() throws {
        var lanczos = 0.0
        var powerRatio = Double.infinity
        var powerIterations = 0
        for (index, (d, n)) in [(8, 8), (16, 16), (16, 32), (4, 12)].enumerated() {
            for causal in [false, true] {
                let (head, x) = randomCase(100 + index, d: d, n: n, causal: causal)
                let state = head.linearised(at: x)
                let exact = try FullJacobian.of(state).spectralNorm()
                var generator = context.random("oracles", "lanczos", .of(index))
                let start = generator.gaussianVector(state.columnCount)
                let estimate = try GolubKahanLanczos.largestSingularValue(of: state, start: start, maximumSteps: 200)
                lanczos = max(lanczos, abs(estimate.value - exact) / exact)
                let power = PaperPowerIteration.largestSingularValue(of: state, start: start)
                powerRatio = min(powerRatio, power.value / exact)
                powerIterations = max(powerIterations, power.iterations)
            }
        }
        try context.record("oracle.lanczos", lanczos)
        try context.record("oracle.power_ratio", powerRatio)
        try context.record("oracle.power_iterations", Double(powerIterations))
    }

    /// Radii of the O6 path.
    static let hardmaxRadii: [Double] = [1, 4, 8, 32, 64, 256]

    /// O6 (A9): d = 16, n = 12, A and V with N(0, 1/d) entries, Gaussian tokens; redrawn (stream
    /// index + 1) until `gap·256² ≥ 30`.
    func hardmaxLimit() throws {
        let d = 16
        let n = 12
        var draw = 0
        while true {
            var generator = context.random("oracles", "hardmax", .of(draw))
            let head = RandomHeads.dense(
                dimension: d, standardDeviation: 1 / Double(d).squareRoot(), generator: &generator)
            let x = Matrix.gaussian(rows: d, columns: n, using: &generator)
            let (limit, gap) = try ClosedFormOracles.hardmaxLimit(head: head, tokens: x)
            if gap * 256 * 256 < 30 && draw < 100 {
                draw += 1
                continue
            }
            var last = 0.0
            for radius in Self.hardmaxRadii {
                last = try Self.sigma(head, radius * x)
                try context.record("oracle.o6.sigma", x: radius, last)
            }
            try context.record("oracle.o6.limit", limit)
            try context.record("oracle.o6.rel", abs(last - limit) / limit)
            try context.record("oracle.o6.draw", Double(draw))
            try context.record("oracle.o6.gap_R2", gap * 256 * 256)
            return
        }
    }
}

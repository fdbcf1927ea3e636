import Testing
import WorkbenchNumerics

@Suite("Distributions drawn from a RandomNumberGenerator")
struct DistributionTests {
    @Test("nextUniform and nextOpenUniform map raw words exactly")
    func uniformConversions() {
        var g = ReplayGenerator([0, UInt64.max, 1 << 63])
        #expect(g.nextUniform() == 0)
        #expect(g.nextUniform() == 1 - 0x1.0p-53)
        #expect(g.nextUniform() == 0.5)
        var h = ReplayGenerator([0, UInt64.max])
        #expect(h.nextOpenUniform() == 0x1.0p-53)
        #expect(h.nextOpenUniform() == 1 - 0x1.0p-53)
        // From xoshiro256** state (1, 2, 3, 4): (word >> 11)·2⁻⁵³ of the reference outputs.
        var x = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let words: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240]
        #expect((0..<4).map { _ in x.nextUniform() } == words.map { Double($0 >> 11) * 0x1.0p-53 })
    }

    @Test("nextUniform has mean ½ and variance 1/12")
    func uniformMoments() {
        var g = NumericsCheck.generator("uniform-moments")
        let n = 200_000
        var sum = 0.0
        var sumSquares = 0.0
        for _ in 0..<n {
            let u = g.nextUniform()
            sum += u
            sumSquares += u * u
        }
        let count = Double(n)
        let mean = sum / count
        // SE of the mean: √(1/12/n) ≈ 6.5e-4; allow 5 SE.
        #expect(abs(mean - 0.5) <= 5 * (1.0 / 12 / count).squareRoot())
        // E[U²] = 1/3 with Var(U²) = 1/5 − 1/9 = 4/45, SE ≈ 6.7e-4; allow 5 SE.
        #expect(abs(sumSquares / count - 1.0 / 3) <= 5 * (4.0 / 45 / count).squareRoot())
    }

    @Test("nextGaussian over 200 000 draws: mean 0, variance 1, skewness 0, fourth moment 3")
    func gaussianMoments() {
        var g = NumericsCheck.generator("gaussian-moments")
        let n = 200_000
        var m1 = 0.0
        var m2 = 0.0
        var m3 = 0.0
        var m4 = 0.0
        for _ in 0..<n {
            let z = g.nextGaussian()
            let z2 = z * z
            m1 += z
            m2 += z2
            m3 += z2 * z
            m4 += z2 * z2
        }
        let count = Double(n)
        // Standard errors of the sample moments of N(0,1): Var(Zᵏ) = E[Z²ᵏ] − (E[Zᵏ])², i.e.
        // 1, 3 − 1 = 2, 15, 105 − 9 = 96; each check allows 5 SE (two-sided p ≈ 6e-7).
        #expect(abs(m1 / count) <= 5 * (1 / count).squareRoot())
        #expect(abs(m2 / count - 1) <= 5 * (2 / count).squareRoot())
        #expect(abs(m3 / count) <= 5 * (15 / count).squareRoot())
        #expect(abs(m4 / count - 3) <= 5 * (96 / count).squareRoot())
    }

    @Test("nextGaussian tail: P(|Z| > 1.959964) ≈ 5 %")
    func gaussianTail() {
        var g = NumericsCheck.generator("gaussian-tail")
        let n = 100_000
        let outside = (0..<n).reduce(0) { count, _ in abs(g.nextGaussian()) > 1.959963984540054 ? count + 1 : count }
        // Binomial(n, 0.05): SE of the fraction √(0.05·0.95/n) ≈ 6.9e-4; allow 5 SE.
        #expect(abs(Double(outside) / Double(n) - 0.05) <= 5 * (0.05 * 0.95 / Double(n)).squareRoot())
    }

    @Test("gaussianVector replays nextGaussian draws in order")
    func gaussianVector() {
        var a = NumericsCheck.generator("gaussian-vector")
        var b = a
        #expect(a.gaussianVector(7) == (0..<7).map { _ in b.nextGaussian() })
        #expect(a.gaussianVector(0).isEmpty)
    }

    /// The batched polar method gives the bits of successive `nextGaussian()` calls, scaled by σ
    /// with one product, and leaves the generator exactly where those calls leave it (no pair
    /// drawn beyond the last accepted one): counts around the batch size of 64, and a Gaussian
    /// matrix filled in column-major order.
    @Test("fillGaussian and Matrix.gaussian replay nextGaussian bit for bit", arguments: [0, 1, 63, 64, 65, 1000])
    func batchedDraws(count: Int) {
        var batched = NumericsCheck.generator("fill-gaussian")
        var sequential = batched
        var values = [Double](repeating: .nan, count: count)
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            batched.fillGaussian(base, count: count, standardDeviation: 0.3)
        }
        let expected = (0..<count).map { _ in 0.3 * sequential.nextGaussian() }
        #expect(values.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(batched.next() == sequential.next())
        let matrix = Matrix.gaussian(rows: count, columns: 3, standardDeviation: 2, using: &batched)
        let replay = (0..<(3 * count)).map { _ in 2 * sequential.nextGaussian() }
        #expect(matrix.storage.map(\.bitPattern) == replay.map(\.bitPattern))
        #expect(batched.next() == sequential.next())
    }

    static let bounds: [UInt64] = [1, 2, 3, 7, 10, (1 << 32) + 1, (1 << 63) + 1, UInt64.max]

    @Test("nextBounded stays in 0..<bound", arguments: bounds)
    func boundedRange(bound: UInt64) {
        var g = NumericsCheck.generator("bounded-range", Int(bound % 1000))
        #expect((0..<2000).allSatisfy { _ in g.nextBounded(bound) < bound })
        if bound == 1 {
            #expect(g.nextBounded(1) == 0)
        }
    }

    @Test("nextBounded(10) is roughly uniform: χ² over 100 000 draws")
    func boundedUniformity() {
        var g = NumericsCheck.generator("bounded-uniform")
        let n = 100_000
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<n { counts[Int(g.nextBounded(10))] += 1 }
        let expected = Double(n) / 10
        let chiSquare = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        // χ² with 9 degrees of freedom: 33.72 is its 99.99th percentile.
        #expect(chiSquare <= 33.72)
    }

    @Test("nextBounded has no modulo bias for a bound of 3·2⁶²")
    func boundedNoModuloBias() {
        // With `word % bound`, values below 2⁶² would appear with probability ½ instead of ⅓.
        var g = NumericsCheck.generator("bounded-bias")
        let bound: UInt64 = 3 << 62
        let n = 30_000
        let low = (0..<n).reduce(0) { count, _ in g.nextBounded(bound) < (1 << 62) ? count + 1 : count }
        // Binomial(n, ⅓): SE ≈ 0.0027; allow 5 SE.
        #expect(abs(Double(low) / Double(n) - 1.0 / 3) <= 5 * (2.0 / 9 / Double(n)).squareRoot())
    }

    @Test("nextBounded rejects exactly the words whose low product word is below 2⁶⁴ mod bound")
    func boundedRejection() {
        // bound = 3·2⁶²: 2⁶⁴ mod bound = 2⁶². Word 1 gives low word 3·2⁶² (kept, high 0); word 0
        // gives low word 0 < 2⁶² (rejected); word 2⁶³ gives low word 0 too (rejected).
        let bound: UInt64 = 3 << 62
        var g = ReplayGenerator([0, 1 << 63, 1, UInt64.max])
        #expect(g.nextBounded(bound) == 0)
        #expect(g.position == 3)
        // Word 2⁶⁴ − 1: product = bound·2⁶⁴ − bound, high word bound − 1, low word 2⁶² (kept).
        #expect(g.nextBounded(bound) == bound - 1)
    }

    @Test("unitSphereVector has unit norm", arguments: [1, 2, 3, 10, 100])
    func unitSphereNorm(dimension: Int) {
        var g = NumericsCheck.generator("sphere", dimension)
        for _ in 0..<50 {
            let v = g.unitSphereVector(dimension: dimension)
            #expect(v.count == dimension)
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            // Normalising by a computed norm: about d·u rounding in the sum of squares.
            #expect(abs(norm - 1) <= Double(dimension + 2) * Double.ulpOfOne)
        }
    }

    @Test("unitSphereVector(dimension: 0) stops at its precondition instead of looping forever")
    func unitSphereEmptyDimension() async {
        await #expect(processExitsWith: .failure) {
            var g = Xoshiro256StarStar(seed: 1)
            _ = g.unitSphereVector(dimension: 0)
        }
    }

    @Test("unitSphereVector is centred: E[v] = 0 and E[v₁²] = 1/d")
    func unitSphereMoments() {
        let d = 5
        let n = 20_000
        var g = NumericsCheck.generator("sphere-moments")
        var sum = [Double](repeating: 0, count: d)
        var firstSquared = 0.0
        for _ in 0..<n {
            let v = g.unitSphereVector(dimension: d)
            for k in 0..<d { sum[k] += v[k] }
            firstSquared += v[0] * v[0]
        }
        let count = Double(n)
        // Each coordinate has variance 1/d: SE of its mean √(1/(d·n)) ≈ 0.0032; allow 5 SE.
        #expect(sum.allSatisfy { abs($0 / count) <= 5 * (1 / (Double(d) * count)).squareRoot() })
        // v₁² ~ Beta(½, (d−1)/2): variance 2(d−1)/(d²(d+2)) = 8/175, SE ≈ 0.0015; allow 5 SE.
        let variance = 2 * Double(d - 1) / (Double(d * d) * Double(d + 2))
        #expect(abs(firstSquared / count - 1 / Double(d)) <= 5 * (variance / count).squareRoot())
    }
}

import Testing
import WorkbenchNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Gauss–Legendre quadrature")
struct GaussLegendreTests {
    static let pointCounts = [1, 2, 3, 4, 5, 8, 13, 20, 40, 64]

    @Test("n = 2: nodes ±1/√3, weights 1; n = 3: nodes 0, ±√(3/5), weights 8/9, 5/9")
    func knownSmallRules() {
        // Newton converges to the root within an ulp or two; weights follow to a few ulps.
        let tolerance = 4 * Double.ulpOfOne
        let two = GaussLegendre(pointCount: 2)
        let r = 1 / 3.0.squareRoot()
        #expect(NumericsCheck.maxAbsDifference(two.nodes, [-r, r]) <= tolerance)
        #expect(NumericsCheck.maxAbsDifference(two.weights, [1, 1]) <= tolerance)
        let three = GaussLegendre(pointCount: 3)
        let s = (3.0 / 5).squareRoot()
        #expect(NumericsCheck.maxAbsDifference(three.nodes, [-s, 0, s]) <= tolerance)
        #expect(NumericsCheck.maxAbsDifference(three.weights, [5.0 / 9, 8.0 / 9, 5.0 / 9]) <= tolerance)
        let one = GaussLegendre(pointCount: 1)
        #expect(one.nodes == [0] && one.weights == [2])
    }

    @Test("n = 5 against the closed forms (1/3)√(5 ∓ 2√(10/7)), (322 ± 13√70)/900, 128/225")
    func fivePointClosedForm() {
        let rule = GaussLegendre(pointCount: 5)
        let inner = (5 - 2 * (10.0 / 7).squareRoot()).squareRoot() / 3
        let outer = (5 + 2 * (10.0 / 7).squareRoot()).squareRoot() / 3
        let innerWeight = (322 + 13 * 70.0.squareRoot()) / 900
        let outerWeight = (322 - 13 * 70.0.squareRoot()) / 900
        // Both sides carry a few roundings: 4 ulps of 1.
        let tolerance = 4 * Double.ulpOfOne
        #expect(NumericsCheck.maxAbsDifference(rule.nodes, [-outer, -inner, 0, inner, outer]) <= tolerance)
        #expect(
            NumericsCheck.maxAbsDifference(
                rule.weights, [outerWeight, innerWeight, 128.0 / 225, innerWeight, outerWeight]) <= tolerance)
    }

    @Test("structure: ascending symmetric nodes in (−1, 1), positive weights summing to 2", arguments: pointCounts)
    func structure(n: Int) {
        let rule = GaussLegendre(pointCount: n)
        #expect(rule.nodes.count == n && rule.weights.count == n)
        #expect(zip(rule.nodes, rule.nodes.dropFirst()).allSatisfy { $0 < $1 })
        #expect(rule.nodes.allSatisfy { -1 < $0 && $0 < 1 })
        #expect(rule.weights.allSatisfy { $0 > 0 })
        #expect((0..<n).allSatisfy { rule.nodes[$0] == -rule.nodes[n - 1 - $0] })
        #expect((0..<n).allSatisfy { rule.weights[$0] == rule.weights[n - 1 - $0] })
        // n positive weights of size ≤ 2 summed: n·u·2 rounding, so 1e-14 covers n = 64.
        #expect(abs(rule.weights.reduce(0, +) - 2) <= 1e-14)
    }

    @Test("exact for every monomial of degree ≤ 2n − 1, not for degree 2n", arguments: pointCounts)
    func polynomialExactness(n: Int) {
        let rule = GaussLegendre(pointCount: n)
        for degree in 0...(2 * n - 1) {
            let exact = degree % 2 == 1 ? 0 : 2 / Double(degree + 1)
            let quadrature = rule.integrate(from: -1, to: 1) { pow($0, Double(degree)) }
            // Positive weights summing to 2 and |x^k| ≤ 1: the sum carries ≤ n·u·2 rounding on top
            // of the node error, so 1e-14 covers n = 64.
            #expect(abs(quadrature - exact) <= 1e-14, "n = \(n), degree \(degree)")
        }
        // Degree 2n is integrated with error 2^{2n+1}(n!)⁴/((2n+1)((2n)!)³)·(2n)! > 0, which exceeds
        // 1e-9 for n ≤ 8; beyond that it sinks below rounding, so only test where it shows.
        if n <= 8 {
            let degree = 2 * n
            let quadrature = rule.integrate(from: -1, to: 1) { pow($0, Double(degree)) }
            #expect(abs(quadrature - 2 / Double(degree + 1)) > 1e-9)
        }
    }

    @Test("integrate maps [−1, 1] affinely onto [a, b]")
    func affineMap() {
        let rule = GaussLegendre(pointCount: 4)
        // ∫₁³ (x³ − 2x) dx = (81 − 1)/4 − (9 − 1) = 12; degree 3 ≤ 7 so the rule is exact.
        #expect(abs(rule.integrate(from: 1, to: 3) { $0 * $0 * $0 - 2 * $0 } - 12) <= 1e-13)
        // Reversed limits flip the sign.
        #expect(abs(rule.integrate(from: 3, to: 1) { $0 * $0 * $0 - 2 * $0 } + 12) <= 1e-13)
    }

    @Test("smooth integrands converge to the closed form")
    func smoothIntegrands() {
        let rule = GaussLegendre(pointCount: 20)
        // Analytic integrands: the 20-point error is far below rounding, so 1e-14 (a few ulps of
        // results of size ≤ 2).
        #expect(abs(rule.integrate(from: 0, to: Double.pi) { sin($0) } - 2) <= 1e-14)
        #expect(abs(rule.integrate(from: 0, to: 1) { exp($0) } - (M_E - 1)) <= 1e-14)
        #expect(abs(rule.integrate(from: 0, to: 2) { 1 / (1 + $0 * $0) } - atan(2)) <= 1e-14)
    }

    @Test("composite rule: panels concatenated, weights sum to the length, smooth integral matches")
    func compositeRule() {
        let rule = GaussLegendre(pointCount: 6)
        let breakpoints: [Double] = [0, 0.1, 0.5, 2, 5]
        let (nodes, weights) = rule.compositeRule(breakpoints: breakpoints)
        #expect(nodes.count == 24 && weights.count == 24)
        #expect(zip(nodes, nodes.dropFirst()).allSatisfy { $0 < $1 })
        #expect(nodes.allSatisfy { 0 < $0 && $0 < 5 })
        // Σw = Σ panel lengths = 5, up to 24 roundings.
        #expect(abs(weights.reduce(0, +) - 5) <= 1e-14)
        // ∫₀⁵ e^{−x}·cos(3x) dx = [e^{−x}(3 sin 3x − cos 3x)/10]₀⁵ (closed form). With 6 points
        // per panel of length ≤ 3 the error is ~1e-7; 1e-6 is the documented accuracy target.
        let f = { (x: Double) in exp(-x) * cos(3 * x) }
        let antiderivative = { (x: Double) in exp(-x) * (3 * sin(3 * x) - cos(3 * x)) / 10 }
        let exact = antiderivative(5) - antiderivative(0)
        let composite = zip(nodes, weights).reduce(0) { $0 + $1.1 * f($1.0) }
        #expect(abs(composite - exact) <= 1e-6)
        // Refining the panels (same rule) drives the error to rounding level.
        let fine = rule.compositeRule(breakpoints: (0...50).map { Double($0) / 10 })
        let refined = zip(fine.nodes, fine.weights).reduce(0) { $0 + $1.1 * f($1.0) }
        #expect(abs(refined - exact) <= 1e-14)
        // Fewer than two breakpoints: an empty rule.
        #expect(rule.compositeRule(breakpoints: [1]).nodes.isEmpty)
    }
}

import Testing
import WorkbenchNumerics

@Suite("SampleSummary")
struct SampleSummaryTests {
    @Test("by hand: [2,4,4,4,5,5,7,9] has mean 5, variance 32/7, median 4.5")
    func byHand() {
        let s = SampleSummary([9, 4, 5, 4, 2, 7, 4, 5])
        #expect(s.count == 8)
        // Welford's running mean divides at every step, so it is exact only to a few ulps.
        #expect(abs(s.mean - 5) <= 4 * 5.0.ulp)
        #expect(abs(s.variance - 32.0 / 7) <= 4 * (32.0 / 7).ulp)
        #expect(abs(s.standardDeviation - (32.0 / 7).squareRoot()) <= 4 * Double.ulpOfOne * 3)
        #expect(abs(s.standardError - (32.0 / 7 / 8).squareRoot()) <= 4 * Double.ulpOfOne)
        #expect(s.median == 4.5)
        #expect(s.minimum == 2 && s.maximum == 9)
    }

    @Test("quantile follows numpy's linear rule (values from numpy.quantile)")
    func quantiles() {
        let sorted: [Double] = [1, 2, 3, 4]
        // Interpolation weights are multiples of ¼ or exact tenths of small integers: tight check.
        let cases: [(Double, Double)] = [(0, 1), (0.25, 1.75), (0.5, 2.5), (0.9, 3.7), (1, 4)]
        for (p, expected) in cases {
            #expect(abs(SampleSummary.quantile(sorted: sorted, p) - expected) <= 2 * expected.ulp)
        }
        let eight: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(abs(SampleSummary.quantile(sorted: eight, 0.1) - 3.4) <= 2 * 3.4.ulp)
        #expect(SampleSummary.quantile(sorted: eight, 0.75) == 5.5)
        #expect(SampleSummary.quantile(sorted: [7], 0.3) == 7)
        #expect(SampleSummary.quantile(sorted: [], 0.5).isNaN)
    }

    @Test("a quantile level outside [0, 1] stops at its precondition")
    func quantileOutOfRange() async {
        await #expect(processExitsWith: .failure) {
            _ = SampleSummary.quantile(sorted: [1, 2, 3], 1.5)
        }
        await #expect(processExitsWith: .failure) {
            _ = SampleSummary.quantile(sorted: [1, 2, 3], -0.1)
        }
    }

    @Test("Welford is stable under a large offset: 1e9 + (4, 7, 13, 16) has variance 30")
    func largeOffset() {
        let s = SampleSummary([4, 7, 13, 16].map { 1e9 + $0 })
        // The naive Σx² − N·x̄² formula loses all digits here; Welford keeps ~1e-7 relative.
        #expect(abs(s.variance - 30) <= 1e-6)
        // The mean of four numbers near 1e9 is exact to a few ulps of 1e9 (1.2e-7 each).
        #expect(abs(s.mean - (1e9 + 10)) <= 4 * 1e9.ulp)
    }

    @Test("degenerate samples: empty and single value")
    func degenerate() {
        let empty = SampleSummary([])
        #expect(empty.count == 0)
        #expect(empty.mean.isNaN && empty.variance.isNaN && empty.median.isNaN)
        #expect(empty.minimum.isNaN && empty.maximum.isNaN)
        let one = SampleSummary([3.5])
        #expect(one.mean == 3.5 && one.median == 3.5 && one.variance.isNaN)
    }

    @Test("Gaussian sample: mean and variance within their standard errors")
    func gaussianSample() {
        var g = NumericsCheck.generator("summary-gaussian")
        let n = 50_000
        let s = SampleSummary((0..<n).map { _ in 3 + 2 * g.nextGaussian() })
        // SE of the mean 2/√n ≈ 0.009; SE of the variance σ²√(2/(n−1)) ≈ 0.025; allow 5 SE each.
        #expect(abs(s.mean - 3) <= 5 * 2 / Double(n).squareRoot())
        #expect(abs(s.variance - 4) <= 5 * 4 * (2 / Double(n - 1)).squareRoot())
        // The median of N(3, 4) is 3; its SE is σ√(π/(2n)) ≈ 0.011; allow 5 SE.
        #expect(abs(s.median - 3) <= 5 * 2 * (Double.pi / 2 / Double(n)).squareRoot())
    }
}

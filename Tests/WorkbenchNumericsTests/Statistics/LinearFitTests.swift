import Testing
import WorkbenchNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("LinearFit: least-squares slopes with 95 % confidence intervals")
struct LinearFitTests {
    @Test("OLS by hand (values from scipy.stats.linregress)")
    func olsByHand() throws {
        let fit = try #require(LinearFit(x: [0, 1, 2, 3], y: [1, 3, 2, 5]))
        // Sxx = 5, Sxy = 5.5, RSS = 2.7 by hand; a handful of roundings on O(1) numbers.
        let tolerance = 1e-14
        #expect(abs(fit.slope - 1.1) <= tolerance)
        #expect(abs(fit.intercept - 1.1) <= tolerance)
        #expect(abs(fit.slopeStandardError - 0.5196152422706632) <= tolerance)
        #expect(abs(fit.rSquared - 0.6914285714285714) <= tolerance)
        // Half-width t_{0.975,2}·se = 2.2357239405752973 (scipy).
        #expect(abs(fit.confidenceHigh - (1.1 + 2.2357239405752973)) <= tolerance)
        #expect(abs(fit.confidenceLow - (1.1 - 2.2357239405752973)) <= tolerance)
        #expect(fit.pointCount == 4)
        #expect(fit.confidenceIntervalContains(0) && !fit.confidenceIntervalContains(3.4))
    }

    @Test("WLS by hand (values from numpy normal equations with σ² = Σwr²/(N−2))")
    func wlsByHand() throws {
        let x: [Double] = [0, 1, 2, 3, 4]
        let y = [1, 2.5, 2.9, 4.2, 5.1]
        let w = [1, 2, 1, 3, 0.5]
        let fit = try #require(LinearFit(x: x, y: y, weights: w))
        // O(1) data, a few dozen roundings: 1e-14.
        #expect(abs(fit.slope - 0.9727272727272723) <= 1e-14)
        #expect(abs(fit.intercept - 1.2612121212121221) <= 1e-14)
        #expect(abs(fit.slopeStandardError - 0.09637125946596332) <= 1e-14)
        // The standard error does not trust the weights' absolute size: scaling them changes
        // nothing but roundings.
        let scaled = try #require(LinearFit(x: x, y: y, weights: w.map { 1000 * $0 }))
        #expect(abs(scaled.slope - fit.slope) <= 1e-14)
        #expect(abs(scaled.slopeStandardError - fit.slopeStandardError) <= 1e-14)
    }

    @Test("points of weight zero are ignored, including for the degrees of freedom")
    func zeroWeightsIgnored() throws {
        let x: [Double] = [0, 1, 2, 3, 4]
        let y = [1, 2.5, 2.9, 4.2, 5.1]
        let w = [1, 2, 1, 3, 0.5]
        let base = try #require(LinearFit(x: x, y: y, weights: w))
        let padded = try #require(
            LinearFit(
                x: [0, 1, 50, 2, 3, 4, -7], y: [1, 2.5, -100, 2.9, 4.2, 5.1, 9], weights: [1, 2, 0, 1, 3, 0.5, 0]))
        // Adding exact zeros to every sum leaves the arithmetic unchanged: equal bit for bit.
        #expect(padded == base)
        #expect(padded.pointCount == 5)
        // Two positive weights: the line interpolates, no interval.
        let two = try #require(LinearFit(x: [0, 1, 2], y: [1, 3, 100], weights: [1, 1, 0]))
        #expect(two.slope == 2 && two.slopeStandardError.isNaN && two.pointCount == 2)
    }

    @Test("exact power law y = 3·x^(−1.5): slope, prefactor and R² to rounding")
    func exactPowerLaw() throws {
        let x = (0..<8).map { pow(2.0, Double($0)) }
        let y = x.map { 3 * pow($0, -1.5) }
        let fit = try #require(LinearFit.powerLaw(x: x, y: y))
        // Only the rounding of pow and log (≈1e-16 relative) enters: 1e-12 is generous.
        #expect(abs(fit.slope + 1.5) <= 1e-12)
        #expect(abs(fit.intercept - log(3)) <= 1e-12)
        #expect(abs(fit.rSquared - 1) <= 1e-12)
        #expect(fit.slopeStandardError <= 1e-12)
        #expect(fit.confidenceLow <= fit.slope && fit.slope <= fit.confidenceHigh)
    }

    @Test("an exact line with two points interpolates; se and interval are nan")
    func twoPoints() throws {
        let fit = try #require(LinearFit(x: [1, 3], y: [2, 6]))
        #expect(fit.slope == 2 && fit.intercept == 0 && fit.rSquared == 1)
        #expect(fit.slopeStandardError.isNaN && fit.confidenceLow.isNaN && fit.confidenceHigh.isNaN)
        #expect(!fit.confidenceIntervalContains(2))
    }

    @Test("inputs that cannot be fitted give nil")
    func invalidInputs() {
        #expect(LinearFit(x: [1], y: [1]) == nil)
        #expect(LinearFit(x: [1, 2], y: [1]) == nil)
        #expect(LinearFit(x: [2, 2, 2], y: [1, 2, 3]) == nil)
        // Equal x whose rounded mean differs from them (3 × 0.1 / 3 ≠ 0.1) is still "all equal".
        #expect(LinearFit(x: [0.1, 0.1, 0.1], y: [1, 2, 3]) == nil)
        #expect(LinearFit(x: [1, 2, 3], y: [1, .nan, 3]) == nil)
        #expect(LinearFit(x: [1, .infinity, 3], y: [1, 2, 3]) == nil)
        #expect(LinearFit(x: [1, 2, 3], y: [1, 2, 3], weights: [1, -1, 1]) == nil)
        #expect(LinearFit(x: [1, 2, 3], y: [1, 2, 3], weights: [0, 0, 0]) == nil)
        #expect(LinearFit(x: [1, 2, 3], y: [1, 2, 3], weights: [1, 1]) == nil)
        #expect(LinearFit(x: [1, 2, 3], y: [1, 2, 3], weights: [0, 0, 1]) == nil)
        // Two positive weights on the same x.
        #expect(LinearFit(x: [1, 1, 3], y: [1, 2, 3], weights: [1, 1, 0]) == nil)
        #expect(LinearFit.powerLaw(x: [1, 0, 3], y: [1, 2, 3]) == nil)
        #expect(LinearFit.powerLaw(x: [1, 2, 3], y: [1, -2, 3]) == nil)
    }

    /// The model behind one coverage experiment.
    enum NoiseModel: String, CaseIterable, Sendable {
        /// `y = 1.5 + 0.7·x + 0.5·ε`, OLS.
        case linear
        /// `y = 3·x^(−0.5)·e^{0.1·ε}`, fitted in log-log coordinates.
        case powerLaw
        /// `y = 2 − 0.3·x + σ_i·ε` with `σ_i = 0.2·(1 + i)`, WLS with `w_i = 1/σ_i²`.
        case heteroscedastic
    }

    @Test(
        "the 95 % CI covers the true slope in 95 % of seeded replicates",
        arguments: NoiseModel.allCases, [5, 12, 42])
    func coverage(model: NoiseModel, pointCount: Int) throws {
        // ν = N − 2 = 3, 10, 40: small ν checks the t table (a normal quantile would give only
        // 86 % and 92 % coverage), ν = 40 the expansion.
        let replicates = 4000
        var g = NumericsCheck.generator("coverage-\(model.rawValue)", pointCount)
        var covered = 0
        for _ in 0..<replicates {
            let fit: LinearFit?
            let truth: Double
            switch model {
            case .linear:
                truth = 0.7
                let x = (0..<pointCount).map { Double($0) }
                let y = x.map { 1.5 + truth * $0 + 0.5 * g.nextGaussian() }
                fit = LinearFit(x: x, y: y)
            case .powerLaw:
                truth = -0.5
                let x = (0..<pointCount).map { pow(2.0, Double($0) / 4) }
                let y = x.map { 3 * pow($0, truth) * exp(0.1 * g.nextGaussian()) }
                fit = LinearFit.powerLaw(x: x, y: y)
            case .heteroscedastic:
                truth = -0.3
                let x = (0..<pointCount).map { Double($0) }
                let sigma = x.map { 0.2 * (1 + $0) }
                let y = zip(x, sigma).map { 2 + truth * $0.0 + $0.1 * g.nextGaussian() }
                fit = LinearFit(x: x, y: y, weights: sigma.map { 1 / ($0 * $0) })
            }
            let result = try #require(fit)
            if result.confidenceIntervalContains(truth) { covered += 1 }
        }
        let coverage = Double(covered) / Double(replicates)
        // Coverage ~ Binomial(4000, 0.95)/4000 with SE √(0.95·0.05/4000) ≈ 0.0034; allow 4 SE
        // (±0.0138, two-sided false-alarm probability 6e-5 for a correct interval).
        #expect(
            abs(coverage - 0.95) <= 4 * (0.95 * 0.05 / Double(replicates)).squareRoot(),
            "coverage \(coverage)")
    }

    @Test("the slope estimate is unbiased and its standard error matches the spread")
    func standardErrorCalibration() throws {
        let replicates = 4000
        let x = (0..<12).map { Double($0) }
        var g = NumericsCheck.generator("se-calibration")
        var slopes = [Double]()
        var meanSquaredSE = 0.0
        for _ in 0..<replicates {
            let y = x.map { 1 + 0.7 * $0 + g.nextGaussian() }
            let fit = try #require(LinearFit(x: x, y: y))
            slopes.append(fit.slope)
            meanSquaredSE += fit.slopeStandardError * fit.slopeStandardError / Double(replicates)
        }
        let summary = SampleSummary(slopes)
        // Var(slope) = σ²/Sxx = 1/143. Mean of 4000 slopes: SE √(1/143/4000) ≈ 0.0013; allow 5 SE.
        let trueVariance = 1.0 / 143
        #expect(abs(summary.mean - 0.7) <= 5 * (trueVariance / Double(replicates)).squareRoot())
        // se² is unbiased for 1/143 (relative SD √(2/10) per replicate, so relative SE 0.0071 for
        // the average); the sample variance of the slopes has relative SE √(2/3999) ≈ 0.022.
        // Allow 0.12 relative: over 5 SE for both.
        #expect(abs(meanSquaredSE / trueVariance - 1) <= 0.12)
        #expect(abs(summary.variance / trueVariance - 1) <= 0.12)
    }
}

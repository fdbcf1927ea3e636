import Foundation
import Testing
import WorkbenchNumerics

@testable import DiffusionDiscretization

/// W2 between Gaussians (spec §3.2).
@Suite("Gaussian distances")
struct GaussianDistanceTests {
    @Test("Full Bures W2 equals the commuting formula on the rotated example (1e-10, spec A2)")
    func buresMatchesCommuting() throws {
        let (lambdas, nu) = RotatedExample.eigenCoordinates()
        let covariance = RotatedExample.covariance
        let basis = try EigenBasis(covariance: covariance)
        #expect(basis.lambdas == lambdas)
        for eta in [0.0, 1] {
            let recursion = ExactSamplerRecursion(setting: TestSettings.vpLinear, lambdas: lambdas, eigenMean: nu)
            let law = recursion.outputLaw(.eulerMaruyama(eta: eta), grid: .uniform, stepCount: 10)
            let commuting = law.squaredWassersteinDistance(to: recursion.target).squareRoot()
            let full = try BuresWasserstein.squaredDistance(
                mean1: basis.originalCoordinates(of: law.mean), covariance1: basis.covariance(variances: law.variance),
                mean2: basis.originalCoordinates(of: recursion.target.mean),
                covariance2: basis.covariance(variances: recursion.target.variance)
            ).squareRoot()
            #expect(TestSettings.relativeError(full, commuting) < 1e-10)
        }
    }

    /// Spec §3.5: at K = 10 (η = 0) mean (1.0161604867, −0.5385472548) and covariance
    /// [[0.7515221174, 0.4303763172], [·, 0.2545663522]] in the original coordinates (10 decimals).
    @Test("Rotated example: output mean and covariance in original coordinates")
    func rotatedOutputLaw() throws {
        let (lambdas, nu) = RotatedExample.eigenCoordinates()
        let basis = try EigenBasis(covariance: RotatedExample.covariance)
        let law = ExactSamplerRecursion(setting: TestSettings.vpLinear, lambdas: lambdas, eigenMean: nu)
            .outputLaw(.eulerMaruyama(eta: 0), grid: .uniform, stepCount: 10)
        let mean = basis.originalCoordinates(of: law.mean)
        let covariance = basis.covariance(variances: law.variance)
        #expect(abs(mean[0] - 1.0161604867) < 1e-10)
        #expect(abs(mean[1] + 0.5385472548) < 1e-10)
        #expect(abs(covariance[0, 0] - 0.7515221174) < 1e-10)
        #expect(abs(covariance[0, 1] - 0.4303763172) < 1e-10)
        #expect(abs(covariance[1, 1] - 0.2545663522) < 1e-10)
    }

    @Test("Bures W2 in one dimension and between equal laws")
    func buresClosedForms() throws {
        let one = try BuresWasserstein.squaredDistance(
            mean1: [1], covariance1: Matrix.diagonal([4]), mean2: [-2], covariance2: Matrix.diagonal([9]))
        #expect(abs(one - (9 + 1)) < 1e-13)
        let s = Matrix(rowMajor: [[2, 0.5, 0], [0.5, 1, 0.2], [0, 0.2, 0.7]])
        let zero = try BuresWasserstein.squaredDistance(
            mean1: [1, 2, 3], covariance1: s, mean2: [1, 2, 3], covariance2: s)
        #expect(zero < 1e-13)
    }

    @Test("Commuting formula is cancellation-safe for nearly equal variances")
    func cancellationSafety() {
        let p = DiagonalGaussian(mean: [0], variance: [1e-4 * (1 + 1e-9)])
        let v = DiagonalGaussian(mean: [0], variance: [1e-4])
        // √P − √v = √v·(√(1 + δ) − 1) ≈ 1e-2·δ/2 with δ = 1e-9.
        let w2 = p.squaredWassersteinDistance(to: v).squareRoot()
        #expect(TestSettings.relativeError(w2, 0.5e-11) < 1e-6)
    }

    /// Spec §3.2 quotes 3.18e-4 for d = 10, s = logspace(0, −2, 10), N = 2·10⁴ (3 digits). For
    /// d = 2, s = (1, 0.01) its "7.575e-5" omits the cross term: the formula gives
    /// (1.5·1.01 + 0.01/1.01)/(2·10⁴) = 7.6245e-5 (its MC value 7.54e-5 ± 0.13e-5 fits both).
    @Test("Finite-sample Fréchet floor")
    func floor() {
        let spread = (0..<10).map { Foundation.pow(10, -2 * Double($0) / 9) }
        let value = MonteCarloComparison.fittingFloor(variances: spread, sampleCount: 20_000)
        #expect(TestSettings.relativeError(value, 3.18e-4) < 2e-3)
        let two = MonteCarloComparison.fittingFloor(variances: [1, 0.01], sampleCount: 20_000)
        #expect(TestSettings.relativeError(two, (1.5 * 1.01 + 0.01 / 1.01) / 20_000) < 1e-14)
    }
}

import Foundation
import Testing
import WorkbenchCore

@testable import DiffusionDiscretization

/// Claims are computed from recorded metrics only, so corrupted metrics (what a wrong
/// implementation would record) must flip the verdicts.
@Suite("Claim measurements")
struct ClaimEvaluationTests {
    let claims = DiffusionDiscretizationExperiment.claims

    func verdict(_ id: String, _ metrics: [MetricPoint], _ overrides: [String: ParameterValue] = [:]) -> ClaimVerdict? {
        let results = RunResults(
            runID: "", experiment: "", preset: "", seed: 0, parameters: EndToEndTests.parameters(overrides),
            metrics: metrics)
        return ClaimEvaluator.evaluate(claims.filter { $0.id == id }, on: results).first?.verdict
    }

    @Test("First-order law: a 1/√K decay or a wrong constant fails A4")
    func firstOrderLaw() {
        let overrides: [String: ParameterValue] = [
            "spectra": .textList(["twoscale"]), "etas": .realList([0]), "grids": .textList(["uniform"]),
            "Ks": .intList([640, 1280, 2560, 5120]),
        ]
        let key = "vp-linear.twoscale.uniform.eta0"
        func metrics(exponent: Double, ratio: Double) -> [MetricPoint] {
            [640.0, 1280, 2560, 5120].map { MetricPoint("w2.\(key)", x: $0, Foundation.pow($0, -exponent)) }
                + [MetricPoint("ratioKmax.\(key)", ratio)]
        }
        #expect(verdict("A4-slope-max", metrics(exponent: 1, ratio: 1), overrides) == .pass)
        #expect(verdict("A4-slope-max", metrics(exponent: 0.5, ratio: 1), overrides) == .fail)
        #expect(verdict("A4-slope-min", metrics(exponent: 1.5, ratio: 1), overrides) == .fail)
        #expect(verdict("A4-ratio", metrics(exponent: 1, ratio: 1.2), overrides) == .fail)
        #expect(verdict("A4-ratio", metrics(exponent: 1, ratio: .nan), overrides) == .fail)
        #expect(verdict("A4-ratio", [], overrides) == .inconclusive)
    }

    @Test("η geometry: a spectrum-independent optimum fails A5")
    func etaGeometry() {
        let overrides: [String: ParameterValue] = ["sweepGrids": .textList(["uniform"])]
        func metrics(_ optima: [Double]) -> [MetricPoint] {
            zip(["pow0.5", "pow1", "pow2"], optima).flatMap { label, eta in
                [
                    MetricPoint("etastar.fo.vp-linear.\(label).uniform", eta),
                    MetricPoint("etastar.K200.vp-linear.\(label).uniform", eta),
                ]
            }
        }
        #expect(verdict("A5-fo", metrics([0.75, 0.5, 0]), overrides) == .pass)
        #expect(verdict("A5-fo", metrics([0, 0, 0]), overrides) == .fail)
        #expect(verdict("A5-exact", metrics([0, 0, 0]), overrides) == .pass)
        let disagreeing = metrics([0.75, 0.5, 0]).map { point in
            point.key == "etastar.K200.vp-linear.pow1.uniform" ? MetricPoint(point.key, 1) : point
        }
        #expect(verdict("A5-exact", disagreeing, overrides) == .fail)
        // Cells outside the spec's statement do not enter the claim.
        #expect(
            verdict(
                "A5-exact",
                [
                    MetricPoint("etastar.fo.vp-linear.pow9.uniform", 0),
                    MetricPoint("etastar.K200.vp-linear.pow9.uniform", 1),
                ], overrides) == .inconclusive)
    }

    @Test("Monte Carlo: a large z-score or a biased Fréchet distance fails A1")
    func monteCarlo() {
        let prefix = "mc.vp-linear.d8.eta1.K10"
        func metrics(z: Double, fdMC: Double) -> [MetricPoint] {
            [
                MetricPoint("\(prefix).zmax_cov", z), MetricPoint("\(prefix).fd_exact", 0.06),
                MetricPoint("\(prefix).floor", 0.0005), MetricPoint("\(prefix).fd_mc", fdMC),
            ]
        }
        #expect(verdict("A1-cov", metrics(z: 3, fdMC: 0.0605)) == .pass)
        #expect(verdict("A1-cov", metrics(z: 6, fdMC: 0.0605)) == .fail)
        #expect(verdict("A1-fd", metrics(z: 3, fdMC: 0.0605)) == .pass)
        #expect(verdict("A1-fd", metrics(z: 3, fdMC: 0.07)) == .fail)
    }

    @Test("Order of Heun: a first-order sampler fails A7-heun")
    func heunOrder() {
        let ks = [80.0, 160, 320]
        let second = ks.map { MetricPoint("ext.w2.heun.vp-linear", x: $0, 7 / ($0 * $0)) }
        let first = ks.map { MetricPoint("ext.w2.heun.vp-linear", x: $0, 7 / $0) }
        #expect(verdict("A7-heun", second) == .pass)
        #expect(verdict("A7-heun", first) == .fail)
    }
}

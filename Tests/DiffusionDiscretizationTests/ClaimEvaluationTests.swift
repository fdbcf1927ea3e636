import Foundation
import Testing
import WorkbenchCore
import WorkbenchStore

@testable import DiffusionDiscretization

/// Claims are computed from recorded metrics only, so corrupted metrics (what a wrong
/// implementation would record) must flip the verdicts; runs outside the paper's setting get
/// `not-applicable` with the reason.
@Suite("Claim measurements")
struct ClaimEvaluationTests {
    func evaluate(
        _ id: String, _ metrics: [MetricPoint], _ settings: [PresetSetting] = []
    ) throws -> CheckResult {
        let claim = try #require(TestRuns.descriptor.claims.first { $0.id == id })
        let results = RunResults(
            runID: "", experiment: "", preset: "", seed: 0, parameters: try TestRuns.parameters(settings),
            metrics: metrics)
        return ClaimEvaluator.evaluate(claim, on: results)
    }

    func verdict(_ id: String, _ metrics: [MetricPoint], _ settings: [PresetSetting] = []) throws -> ClaimVerdict {
        try evaluate(id, metrics, settings).verdict
    }

    @Test("First-order law: a 1/√K decay or a wrong constant fails A4")
    func firstOrderLaw() throws {
        let settings: [PresetSetting] = [
            Declared.spectra.set(["twoscale"]), Declared.etas.set([0]), Declared.grids.set(["uniform"]),
            Declared.stepCounts.set([640, 1280, 2560, 5120]),
        ]
        let key = "vp-linear.twoscale.uniform.eta0"
        func metrics(exponent: Double, ratio: Double) -> [MetricPoint] {
            [640.0, 1280, 2560, 5120].map { MetricPoint("w2.\(key)", x: $0, Foundation.pow($0, -exponent)) }
                + [MetricPoint("ratioKmax.\(key)", ratio)]
        }
        #expect(try verdict("A4-slope-max", metrics(exponent: 1, ratio: 1), settings) == .pass)
        #expect(try verdict("A4-slope-max", metrics(exponent: 0.5, ratio: 1), settings) == .fail)
        #expect(try verdict("A4-slope-min", metrics(exponent: 1.5, ratio: 1), settings) == .fail)
        #expect(try verdict("A4-ratio", metrics(exponent: 1, ratio: 1.2), settings) == .fail)
        #expect(try verdict("A4-ratio", metrics(exponent: 1, ratio: .nan), settings) == .fail)
        #expect(try verdict("A4-ratio", [], settings) == .inconclusive)
    }

    @Test("η geometry: a spectrum-independent optimum fails A5")
    func etaGeometry() throws {
        let settings: [PresetSetting] = [Declared.sweepGrids.set(["uniform"])]
        func metrics(_ optima: [Double]) -> [MetricPoint] {
            zip(["pow0.5", "pow1", "pow2"], optima).flatMap { label, eta in
                [
                    MetricPoint("etastar.fo.vp-linear.\(label).uniform", eta),
                    MetricPoint("etastar.K200.vp-linear.\(label).uniform", eta),
                ]
            }
        }
        #expect(try verdict("A5-fo", metrics([0.75, 0.5, 0]), settings) == .pass)
        #expect(try verdict("A5-fo", metrics([0, 0, 0]), settings) == .fail)
        #expect(try verdict("A5-exact", metrics([0, 0, 0]), settings) == .pass)
        let disagreeing = metrics([0.75, 0.5, 0]).map { point in
            point.key == "etastar.K200.vp-linear.pow1.uniform" ? MetricPoint(point.key, 1) : point
        }
        #expect(try verdict("A5-exact", disagreeing, settings) == .fail)
        // Cells outside the spec's statement do not enter the claim.
        let outside = [
            MetricPoint("etastar.fo.vp-linear.pow9.uniform", 0), MetricPoint("etastar.K200.vp-linear.pow9.uniform", 1),
        ]
        #expect(try verdict("A5-exact", outside, settings) == .inconclusive)
    }

    @Test("Monte Carlo: a large z-score or a biased Fréchet distance fails A1")
    func monteCarlo() throws {
        let prefix = "mc.vp-linear.d8.eta1.K10"
        func metrics(z: Double, fdMC: Double) -> [MetricPoint] {
            [
                MetricPoint("\(prefix).zmax_cov", z), MetricPoint("\(prefix).fd_exact", 0.06),
                MetricPoint("\(prefix).floor", 0.0005), MetricPoint("\(prefix).fd_mc", fdMC),
            ]
        }
        #expect(try verdict("A1-cov", metrics(z: 3, fdMC: 0.0605)) == .pass)
        #expect(try verdict("A1-cov", metrics(z: 6, fdMC: 0.0605)) == .fail)
        #expect(try verdict("A1-fd", metrics(z: 3, fdMC: 0.0605)) == .pass)
        #expect(try verdict("A1-fd", metrics(z: 3, fdMC: 0.07)) == .fail)
    }

    @Test("Order of Heun: a first-order sampler fails A7-heun; a straddling interval is marginal")
    func heunOrder() throws {
        let ks = [80.0, 160, 320]
        let second = ks.map { MetricPoint("ext.w2.heun.vp-linear", x: $0, 7 / ($0 * $0)) }
        let first = ks.map { MetricPoint("ext.w2.heun.vp-linear", x: $0, 7 / $0) }
        #expect(try verdict("A7-heun", second) == .pass)
        #expect(try verdict("A7-heun", first) == .fail)
        // The spec's K²·W2 = 10.67, 11.01, 11.18 (§3.6): slope −1.966, whose three-point 95 %
        // interval reaches beyond −1.95.
        let spec = zip(ks, [10.67, 11.01, 11.18]).map { MetricPoint("ext.w2.heun.vp-linear", x: $0, $1 / ($0 * $0)) }
        let check = try evaluate("A7-heun", spec)
        #expect(check.verdict == .pass && check.marginal)
        #expect(check.verdictText == "pass (marginal)")
    }

    /// A run outside a claim's setting, and what its reason must name.
    struct OutsideSetting: Sendable, CustomTestStringConvertible {
        let claim: String
        let settings: [PresetSetting]
        /// Part of the condition's description.
        let condition: String
        /// Part of the run's value as the reason shows it.
        let value: String

        var testDescription: String { "\(claim): \(value)" }
    }

    static let outsideSettings: [OutsideSetting] = [
        OutsideSetting(
            claim: "A4-ratio", settings: [Declared.initialization.set("prior")], condition: "init = exact",
            value: "init=prior"),
        OutsideSetting(
            claim: "A4-ratio", settings: [Declared.stepCounts.set([10, 20, 40])], condition: "largest Ks ≥ 5120",
            value: "Ks=10,20,40"),
        OutsideSetting(
            claim: "A3-raw", settings: [Declared.processes.set(["ve-edm"])], condition: "processes ⊇ {vp-linear}",
            value: "processes=ve-edm"),
        OutsideSetting(
            claim: "A4-slope-max", settings: [Declared.grids.set(["edm:7"])], condition: "{uniform, power:2}",
            value: "grids=edm:7"),
        OutsideSetting(
            claim: "A4-slope-power2", settings: [Declared.grids.set(["uniform"])], condition: "a power:2 configuration",
            value: "grids=uniform"),
        OutsideSetting(
            claim: "A4-ratio2560", settings: [Declared.stepCounts.set([640, 1280, 5120])], condition: "Ks ⊇ {2560}",
            value: "Ks=640,1280,5120"),
        OutsideSetting(
            claim: "A5-fo", settings: [Declared.etaSweepDimension.set(500)], condition: "etaSweepDimension = 1000",
            value: "etaSweepDimension=500"),
        OutsideSetting(
            claim: "A5-fo", settings: [Declared.betaMax.set(10)], condition: "betaMax = 20", value: "betaMax=10"),
        OutsideSetting(
            claim: "A5-exact", settings: [Declared.sweepStepCounts.set([50])], condition: "sweepKs ⊇ {200}",
            value: "sweepKs=50"),
        OutsideSetting(
            claim: "A6-K50", settings: [Declared.sweepPowers.set([1, 2, 3])],
            condition: "sweepPowers = {1, 1.25, …, 4}", value: "sweepPowers=1.0,2.0,3.0"),
        OutsideSetting(
            claim: "A6-K200", settings: [Declared.powerSweepEtas.set([0.5])], condition: "powerSweepEtas ∩ {0, 1}",
            value: "powerSweepEtas=0.5"),
        OutsideSetting(
            claim: "A7-heun", settings: [Declared.extensionGrid.set("power:2")], condition: "extensionGrid = uniform",
            value: "extensionGrid=power:2"),
        OutsideSetting(
            claim: "A7-ddim", settings: [Declared.stepCounts.set([10, 20, 40, 80])], condition: "Ks in [80, 320]",
            value: "Ks=10,20,40,80"),
    ]

    @Test(
        "Outside the paper's setting a claim is not-applicable, naming the condition and the run's value",
        arguments: outsideSettings)
    func notApplicable(_ outside: OutsideSetting) throws {
        let check = try evaluate(outside.claim, [], outside.settings)
        #expect(check.verdict == .notApplicable)
        let reason = try #require(check.reason)
        #expect(reason.contains(outside.condition), "\(reason)")
        #expect(reason.contains(outside.value), "\(reason)")
    }

    @Test("Every claim applies to the quick preset and to the paper preset")
    func presetsAreInTheSetting() throws {
        for preset in [Preset.quickName, "paper"] {
            let parameters = try ParameterResolver.resolve(TestRuns.descriptor, preset: preset, assignments: [])
            for claim in TestRuns.descriptor.claims {
                for condition in claim.conditions {
                    #expect(
                        condition.violation(in: parameters) == nil, "\(preset) \(claim.id): \(condition.description)")
                }
            }
        }
    }
}

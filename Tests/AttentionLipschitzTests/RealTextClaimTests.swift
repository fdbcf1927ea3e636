import Testing
import WorkbenchCore

@testable import AttentionLipschitz

/// C8's real-text claims are computed from recorded exponents only, so exponents a wrong
/// implementation would record (worst-case growth, no growth, a failed fit) must flip them, and
/// layer 0 — reported separately — must not decide them.
struct RealTextClaimTests {
    typealias Declared = AttentionLipschitzExperiment

    /// The verdict of `claim` on a run of `layers` whose exponents are `exponents[layer]`
    /// (unmasked and causal alike, each with a ±0.01 interval).
    static func evaluate(
        _ claim: String, layers: [Int], exponents: [Int: Double]
    ) throws -> CheckResult {
        let spec = try #require(Declared().descriptor.claims.first { $0.id == claim })
        let parameters = try ParameterResolver.resolve(
            Declared().descriptor, assignments: ["ptLayers=" + layers.map(String.init).joined(separator: ",")])
        var metrics: [MetricPoint] = []
        for (layer, b) in exponents {
            for mask in ["unmasked", "causal"] {
                metrics.append(MetricPoint(PretrainedStudy.key(layer, mask, "exponent"), b))
                metrics.append(MetricPoint(PretrainedStudy.key(layer, mask, "exponent_low"), b - 0.01))
                metrics.append(MetricPoint(PretrainedStudy.key(layer, mask, "exponent_high"), b + 0.01))
            }
        }
        let results = RunResults(
            runID: "", experiment: "", preset: "", seed: 0, parameters: parameters, metrics: metrics)
        return ClaimEvaluator.evaluate(spec, on: results)
    }

    @Test(
        "exponents near 1/4 pass; √n growth, no growth or a NaN fit in any layer 1–5 fails",
        arguments: ["C8-unmasked", "C8-causal"])
    func quarterLaw(claim: String) throws {
        let layers = [0, 1, 3, 5]
        let near: [Int: Double] = [0: 0.01, 1: 0.29, 3: 0.26, 5: 0.22]
        #expect(try Self.evaluate(claim, layers: layers, exponents: near).verdict == .pass)
        for (layer, wrong) in [(3, 0.5), (5, 0.02), (1, Double.nan)] {
            var exponents = near
            exponents[layer] = wrong
            let result = try Self.evaluate(claim, layers: layers, exponents: exponents)
            #expect(result.verdict == .fail, "layer \(layer) exponent \(wrong)")
            #expect(result.measurement?.detail?.contains("layer \(layer)") == true)
        }
    }

    @Test("layer 0 does not decide C8; a run of layer 0 alone is not applicable, with the reason")
    func layerZeroSeparate() throws {
        let flatLayerZero = try Self.evaluate(
            "C8-unmasked", layers: [0, 3], exponents: [0: 0.5, 3: 0.26])
        #expect(flatLayerZero.verdict == .pass)
        let alone = try Self.evaluate("C8-causal", layers: [0], exponents: [0: 0.25])
        #expect(alone.verdict == .notApplicable)
        #expect(alone.reason?.contains("ptLayers") == true)
    }
}

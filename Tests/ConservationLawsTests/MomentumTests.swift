import Testing
import WorkbenchNumerics
@testable import ConservationLaws

@Suite("momentum flows")
struct MomentumTests {
    /// Phase-space counts of spec §7.1: 2-2-2 → 1 (vs 3 for the flow), 1-3-1 → 6 (vs 5), ReLU → 0;
    /// the explicit angular-momentum law is orthogonal to every generator and accepted bracket.
    @Test(arguments: [("lin:2-2-2", 1), ("lin:1-3-1", 6), ("relu:2-2-2", 0)])
    func phaseSpaceCounts(_ text: String, _ laws: Int) throws {
        var random = Xoshiro256StarStar(seed: 9)
        let base = try FactorizedModel(try ArchitectureSpec(parsing: text), random: &random)
        let phase = try MomentumPhaseSpace.model(base, tau: 0.7)
        #expect(phase.dimension == 2 * base.dimension + 1)
        let count = try ConservationLawCount.compute(phase, settings: LieTraceSettings(), pointCount: 2) {
            Xoshiro256StarStar(seed: UInt64(50 + $0))
        }
        #expect(count.lawCount == laws)
        #expect(count.knownLawsOrthogonal && count.exactAndFloatAgree)
    }

    /// Without the clock factor s = e^{τt} the angular momentum is not conserved for τ > 0:
    /// the orthogonality check must catch it (a negative control).
    @Test func lawWithoutClockIsRejected() throws {
        var random = Xoshiro256StarStar(seed: 9)
        let base = try FactorizedModel(.linear(widths: [2, 2, 2]), random: &random)
        let phase = try MomentumPhaseSpace.model(base, tau: 0.7)
        let unclocked = try MomentumPhaseSpace.explicitLaws(base, clock: false)
        let model = FactorizedModel(
            architecture: phase.architecture, dimension: phase.dimension, generators: phase.generators,
            knownLaws: unclocked, hasKnownLaws: true)
        let count = try ConservationLawCount.compute(model, settings: LieTraceSettings(), pointCount: 1) { _ in
            Xoshiro256StarStar(seed: 77)
        }
        #expect(!count.knownLawsOrthogonal)
    }

    /// RK4 keeps the angular momentum to ≪ 1e−6 relative while UᵀU − VᵀV moves by O(0.1).
    @Test func angularMomentumIsConservedUnderRK4() {
        var random = Xoshiro256StarStar(seed: 13)
        let start = TwoLayerNetwork(
            activation: .linear, outputs: 2, inputs: 3, width: 3, bias: false, scale: 0.5, random: &random)
        let velocity = TwoLayerNetwork(
            activation: .linear, outputs: 2, inputs: 3, width: 3, bias: false, scale: 0.1, random: &random)
        let data = RegressionData(outputs: 2, inputs: 3, samples: 10, random: &random)
        let drift = MomentumFlow.run(from: start, velocity: velocity, data: data, tau: 0.7, step: 0.01, horizon: 5)
        #expect(drift.relativeAngularDrift < 1e-8)
        #expect(drift.balanceDrift > 1e-2)
    }
}

@Suite("NMF mirror flow")
struct MirrorFlowTests {
    /// N = n2 with the laws Σ_i U_ik − Σ_j V_kj when n1·n3 > 1; D − 1 when n1 = n3 = 1 (spec §7.2).
    @Test(arguments: [("lin:2-3-2", 3), ("lin:1-2-3", 2), ("lin:1-3-1", 5)])
    func mirrorCounts(_ text: String, _ laws: Int) throws {
        var random = Xoshiro256StarStar(seed: 21)
        let model = try MirrorFlowModel.model(FactorizedModel(try ArchitectureSpec(parsing: text), random: &random))
        let count = try ConservationLawCount.compute(model, settings: LieTraceSettings(), pointCount: 2) {
            Xoshiro256StarStar(seed: UInt64(30 + $0))
        }
        #expect(count.lawCount == laws && count.knownLawsOrthogonal && count.exactAndFloatAgree)
    }
}

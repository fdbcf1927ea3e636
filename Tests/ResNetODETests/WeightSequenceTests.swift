import Foundation
import Testing
import WorkbenchNumerics

@testable import ResNetODE

/// Invariants of the weight families.
struct WeightSequenceTests {
    static func path(_ kind: ResidualKind = .mlp) -> SmoothWeightPath {
        var generator = RandomStream.generator(seed: 1, "path")
        return SmoothWeightPath(
            shapes: kind.groupShapes(dimension: 6, hidden: 8), modes: 4, scale: 1, using: &generator)
    }

    @Test("smooth nodes sample Θ(n/N); alternating nodes are (−1)^n Θ(n/N) exactly")
    func smoothAndAlternating() {
        let path = Self.path()
        var generator = RandomStream.generator(seed: 2, "unused")
        let smooth = WeightSequence.nodes(.smooth, path: path, depth: 8, scale: 1, using: &generator)
        let alternating = WeightSequence.nodes(.alternating, path: path, depth: 8, scale: 1, using: &generator)
        #expect(smooth.count == 9)
        #expect(smooth[4] == path.weights(at: 0.5))
        for n in 0...8 { #expect(alternating[n] == smooth[n].scaled(by: n.isMultiple(of: 2) ? 1 : -1)) }
    }

    @Test("Θ(t) = Σ_k C_k cos(kπt)/(1+k): Θ(0) = Σ C_k/(1+k), Θ(1) = Σ (−1)^k C_k/(1+k)")
    func smoothPathEndpoints() {
        let c = (0..<3).map { LayerWeights(groups: [Matrix(rowMajor: [[Double($0 + 1)]])]) }
        let path = SmoothWeightPath(coefficients: c)
        #expect(abs(path.weights(at: 0).groups[0][0, 0] - (1 + 2.0 / 2 + 3.0 / 3)) <= 1e-15)
        #expect(abs(path.weights(at: 1).groups[0][0, 0] - (1 - 2.0 / 2 + 3.0 / 3)) <= 1e-15)
    }

    @Test("TV of smooth nodes converges to ∫‖Θ'‖ (bounded); TV of i.i.d. nodes grows like N")
    func totalVariation() {
        let path = Self.path(.linear)
        var generator = RandomStream.generator(seed: 3, "tv")
        let coarse = WeightSequence.totalVariation(
            WeightSequence.nodes(.smooth, path: path, depth: 256, scale: 1, using: &generator))
        let fine = WeightSequence.totalVariation(
            WeightSequence.nodes(.smooth, path: path, depth: 1024, scale: 1, using: &generator))
        // A Riemann sum of a smooth integrand: relative change O(1/N²) away from zeros of Θ'.
        #expect(abs(fine - coarse) / fine <= 1e-2)
        let iid64 = WeightSequence.totalVariation(
            WeightSequence.nodes(.iid, path: path, depth: 64, scale: 1, using: &generator))
        let iid256 = WeightSequence.totalVariation(
            WeightSequence.nodes(.iid, path: path, depth: 256, scale: 1, using: &generator))
        // ‖θ_{n+1} − θ_n‖_F ≈ √2·‖G‖_F/√d with 36 entries: the per-step mean is ≈ √12; 10 %
        // covers the fluctuation of an average of ≥ 64 such norms.
        #expect(abs(iid256 / 256 - iid64 / 64) / (iid64 / 64) <= 0.1)
    }

    @Test("Lipschitz walks move by O(1/N) per step, Brownian walks by O(1/√N)")
    func walks() {
        let path = Self.path(.linear)
        var generator = RandomStream.generator(seed: 4, "walk")
        let lip = WeightSequence.nodes(.lipwalk, path: path, depth: 400, scale: 1, using: &generator)
        let brown = WeightSequence.nodes(.brownian, path: path, depth: 400, scale: 1, using: &generator)
        let lipStep = lip[1].distance(to: lip[0])
        let brownStep = brown[1].distance(to: brown[0])
        // Expected steps: 3/N·‖ξ‖ and ‖ξ‖/√N with ‖ξ‖_F ≈ √6 (36 entries of variance 1/6).
        #expect(abs(lipStep - 3 / 400 * 6.0.squareRoot()) <= 0.5 * 3 / 400 * 6.0.squareRoot())
        #expect(abs(brownStep - 6.0.squareRoot() / 20) <= 0.5 * 6.0.squareRoot() / 20)
    }
}

import Foundation
import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// Powers `base^k` for `k` in `exponents`.
    static func powers(_ base: Int, _ exponents: ClosedRange<Int>) -> [Int] {
        exponents.map { k in (0..<k).reduce(1) { acc, _ in acc * base } }
    }

    /// `count` integers geometrically spaced from `low` to `high`, truncated, as numpy's
    /// `geomspace(low, high, count).astype(int)` computes them (`10^(linspace of log10)`, end
    /// points exact).
    static func geometricGrid(_ low: Double, _ high: Double, count: Int) -> [Int] {
        let logLow = log10(low)
        let step = (log10(high) - logLow) / Double(count - 1)
        return (0..<count).map { i in
            if i == 0 { return Int(low) }
            if i == count - 1 { return Int(high) }
            return Int(pow(10, logLow + Double(i) * step).rounded(.towardZero))
        }
    }

    /// The twelve radii `0.25, 0.5, …, 3` of the larger presets.
    static let twelveRadii = (1...12).map { 0.25 * Double($0) }

    static var presets: [Preset] {
        [
            Preset(
                "paper-lite",
                summary: """
                    Paper dimensions for the moments (d = 50, Σ = 0.1·I, repo law of A, \
                    n = geomspace(1000, 8000, 8), 20 reps); 12 radii with n up to 2^14; hardmax \
                    in more dimensions and up to 4^9. Minutes on 2 cores.
                    """,
                [
                    uniformRadii.set(twelveRadii), uniformN.set(powers(2, 8...14)), uniformReps.set(40),
                    uniformInteriorQueries.set(64), uniformRefineSteps.set(20), momentsDimension.set(50),
                    momentsVariance.set(0.1), momentsForm.set("repo"),
                    momentsN.set(geometricGrid(1000, 8000, count: 8)), momentsReps.set(20),
                    hardmaxAnnealedDimensions.set([3, 5]), hardmaxAnnealedN.set(powers(4, 3...9)),
                    hardmaxSphereDimensions.set([3, 8, 16, 32, 50]), hardmaxSphereN.set(powers(4, 2...8)),
                    hardmaxGaussN.set(powers(4, 2...9)), hardmaxGaussReps.set(200),
                ]),
            Preset(
                "paper",
                summary: """
                    The spec's paper scale: E1 at d = 50 with random V, 12 radii, n up to 2^16, \
                    100 reps; E2 at d = 50, n = geomspace(1000, 30000, 12), 200 reps; E3 up to \
                    4^10 with 200 reps. Hours on 2 cores (moments dominate).
                    """,
                [
                    uniformDimension.set(50), uniformValueMap.set("random"), uniformRadii.set(twelveRadii),
                    uniformN.set(powers(2, 8...16)), uniformReps.set(100), uniformInteriorQueries.set(64),
                    uniformRefineSteps.set(20), momentsDimension.set(50), momentsVariance.set(0.1),
                    momentsForm.set("repo"), momentsN.set(geometricGrid(1000, 30000, count: 12)),
                    momentsReps.set(200), hardmaxAnnealedDimensions.set([3, 5]),
                    hardmaxAnnealedN.set(powers(4, 3...10)), hardmaxAnnealedReps.set(800),
                    hardmaxSphereDimensions.set([3, 8, 16, 32, 50]), hardmaxSphereN.set(powers(4, 2...9)),
                    hardmaxGaussN.set(powers(4, 2...10)), hardmaxGaussReps.set(200),
                ]),
        ]
    }
}

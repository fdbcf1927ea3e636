import Foundation
import WorkbenchCore

extension TokenSampleComplexityExperiment {
    /// Parameter keys.
    enum Key {
        static let parts = "parts"
        static let bootstrapResamples = "bootstrapResamples"
        static let uniformDimension = "uniformDimension"
        static let uniformRadii = "uniformRadii"
        static let uniformN = "uniformN"
        static let uniformReps = "uniformReps"
        static let uniformSphereQueries = "uniformSphereQueries"
        static let uniformInteriorQueries = "uniformInteriorQueries"
        static let uniformRefineSteps = "uniformRefineSteps"
        static let uniformValueMap = "uniformValueMap"
        static let momentsDimension = "momentsDimension"
        static let momentsVariance = "momentsVariance"
        static let momentsHorizons = "momentsHorizons"
        static let momentsN = "momentsN"
        static let momentsReps = "momentsReps"
        static let momentsForm = "momentsForm"
        static let hardmaxAnnealedDimensions = "hardmaxAnnealedDimensions"
        static let hardmaxKappa = "hardmaxKappa"
        static let hardmaxRadius = "hardmaxRadius"
        static let hardmaxQueryScale = "hardmaxQueryScale"
        static let hardmaxAnnealedN = "hardmaxAnnealedN"
        static let hardmaxAnnealedReps = "hardmaxAnnealedReps"
        static let hardmaxSphereDimensions = "hardmaxSphereDimensions"
        static let hardmaxSphereN = "hardmaxSphereN"
        static let hardmaxSphereReps = "hardmaxSphereReps"
        static let hardmaxGaussSignals = "hardmaxGaussSignals"
        static let hardmaxGaussN = "hardmaxGaussN"
        static let hardmaxGaussReps = "hardmaxGaussReps"
    }

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

    static let tokenCountList = ParameterConstraint.list(
        minCount: 2, element: .range(low: 1, high: nil, lowIsExclusive: false))
    static let dimensionList = ParameterConstraint.list(
        minCount: 1, element: .range(low: 2, high: nil, lowIsExclusive: false))
    static let repetitions = ParameterConstraint.range(low: 2, high: nil)

    static var parameterSpecs: [ParameterSpec] {
        [
            ParameterSpec(
                Key.parts, .textList(Part.allCases.map(\.rawValue)),
                doc: "Parts to run: uniform (E1), moments (E2), hardmax (E3).",
                constraint: .list(minCount: 1, element: .choices(Part.allCases.map(\.rawValue)))),
            ParameterSpec(
                Key.bootstrapResamples, .int(200),
                doc: "Bootstrap resamples for slope intervals (0 disables).",
                constraint: .nonNegative),
            ParameterSpec(
                Key.uniformDimension, .int(4), doc: "E1: token dimension d (tokens N(0, I_d)).",
                constraint: .atLeastOne),
            ParameterSpec(
                Key.uniformRadii, .realList([0.5, 1, 1.5, 2]),
                doc: "E1: ball radii R (σ₁ = 1, so the largest tilt is s_max = R).",
                constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false))),
            ParameterSpec(
                Key.uniformN, .intList(powers(2, 7...13)), doc: "E1: token counts n.",
                constraint: tokenCountList),
            ParameterSpec(
                Key.uniformReps, .int(20), doc: "E1: repetitions per (R, n).", constraint: repetitions),
            ParameterSpec(
                Key.uniformSphereQueries, .int(128),
                doc: "E1: queries uniform on the sphere of radius R (besides ±R·v₁).",
                constraint: .nonNegative),
            ParameterSpec(
                Key.uniformInteriorQueries, .int(0), doc: "E1: extra queries uniform in the ball.",
                constraint: .nonNegative),
            ParameterSpec(
                Key.uniformRefineSteps, .int(0),
                doc: "E1: random-perturbation steps refining the four worst queries.",
                constraint: .nonNegative),
            ParameterSpec(
                Key.uniformValueMap, .text("identity"),
                doc: "E1: value map V: identity or random (i.i.d. N(0, 1/d)).",
                constraint: .choices(["identity", "random"])),
            ParameterSpec(
                Key.momentsDimension, .int(8), doc: "E2: token dimension d.", constraint: .atLeastOne),
            ParameterSpec(
                Key.momentsVariance, .real(1), doc: "E2: token variance ρ (Σ = ρ·I).",
                constraint: .positive),
            ParameterSpec(
                Key.momentsHorizons, .realList([0.25, 0.5, 1, 1.5, 2, 3]),
                doc: "E2: horizons H = ‖Σ^{1/2}AΣ^{1/2}‖₂ (theory convention, H_eff).",
                constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false))),
            ParameterSpec(
                Key.momentsN, .intList([256, 512, 1024, 2048, 4096]), doc: "E2: token counts n.",
                constraint: tokenCountList),
            ParameterSpec(
                Key.momentsReps, .int(16), doc: "E2: repetitions per (H, n).", constraint: repetitions),
            ParameterSpec(
                Key.momentsForm, .text("gaussian"),
                doc:
                    "E2: law of A₀ before scaling to H: gaussian (i.i.d. N(0,1)) or repo (Wk0ᵀWq0/√d, N(0,1/d) weights).",
                constraint: .choices(["gaussian", "repo"])),
            ParameterSpec(
                Key.hardmaxAnnealedDimensions, .intList([3]),
                doc: "E3a: sphere dimensions d (tokens on S^{d−1}).", constraint: dimensionList),
            ParameterSpec(
                Key.hardmaxKappa, .real(2), doc: "E3a: temperature slope κ in λ_n = κ ln n.",
                constraint: .positive),
            ParameterSpec(
                Key.hardmaxRadius, .real(1), doc: "E3a: sphere radius r.", constraint: .positive),
            ParameterSpec(
                Key.hardmaxQueryScale, .real(1), doc: "E3a: query norm s₀ = ‖A₀x‖ (A₀ = I).",
                constraint: .positive),
            ParameterSpec(
                Key.hardmaxAnnealedN, .intList(powers(4, 3...8)), doc: "E3a: token counts n.",
                constraint: tokenCountList),
            ParameterSpec(
                Key.hardmaxAnnealedReps, .int(400),
                doc:
                    "E3a: repetitions per n (the last steps of err·ln n differ by ~0.004; 400 reps put that 4 standard errors above the noise).",
                constraint: repetitions),
            ParameterSpec(
                Key.hardmaxSphereDimensions, .intList([3, 8, 32]),
                doc: "E3b: sphere dimensions d for hardmax on S^{d−1}.", constraint: dimensionList),
            ParameterSpec(
                Key.hardmaxSphereN, .intList(powers(4, 2...7)), doc: "E3b: token counts n.",
                constraint: tokenCountList),
            ParameterSpec(
                Key.hardmaxSphereReps, .int(200), doc: "E3b: repetitions per (d, n).",
                constraint: repetitions),
            ParameterSpec(
                Key.hardmaxGaussSignals, .realList([3, 5]),
                doc: "E3c: signals s (mean-field target of the 1-D attention output).",
                constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: true))),
            ParameterSpec(
                Key.hardmaxGaussN, .intList(powers(4, 2...8)), doc: "E3c: token counts n.",
                constraint: tokenCountList),
            ParameterSpec(
                Key.hardmaxGaussReps, .int(100), doc: "E3c: repetitions per n.", constraint: repetitions),
        ]
    }

    static var presets: [Preset] {
        [
            Preset(
                "paper-lite",
                summary: """
                    Paper dimensions for the moments (d = 50, Σ = 0.1·I, repo law of A, \
                    n = geomspace(1000, 8000, 8), 20 reps); 12 radii with n up to 2^14; hardmax \
                    in more dimensions and up to 4^9. Minutes on 2 cores.
                    """,
                overrides: [
                    Key.uniformRadii: .realList((1...12).map { 0.25 * Double($0) }),
                    Key.uniformN: .intList(powers(2, 8...14)),
                    Key.uniformReps: .int(40),
                    Key.uniformInteriorQueries: .int(64),
                    Key.uniformRefineSteps: .int(20),
                    Key.momentsDimension: .int(50),
                    Key.momentsVariance: .real(0.1),
                    Key.momentsForm: .text("repo"),
                    Key.momentsN: .intList(geometricGrid(1000, 8000, count: 8)),
                    Key.momentsReps: .int(20),
                    Key.hardmaxAnnealedDimensions: .intList([3, 5]),
                    Key.hardmaxAnnealedN: .intList(powers(4, 3...9)),
                    Key.hardmaxSphereDimensions: .intList([3, 8, 16, 32, 50]),
                    Key.hardmaxSphereN: .intList(powers(4, 2...8)),
                    Key.hardmaxGaussN: .intList(powers(4, 2...9)),
                    Key.hardmaxGaussReps: .int(200),
                ]),
            Preset(
                "paper",
                summary: """
                    The spec's paper scale: E1 at d = 50 with random V, 12 radii, n up to 2^16, \
                    100 reps; E2 at d = 50, n = geomspace(1000, 30000, 12), 200 reps; E3 up to \
                    4^10 with 200 reps. Hours on 2 cores (moments dominate).
                    """,
                overrides: [
                    Key.uniformDimension: .int(50),
                    Key.uniformValueMap: .text("random"),
                    Key.uniformRadii: .realList((1...12).map { 0.25 * Double($0) }),
                    Key.uniformN: .intList(powers(2, 8...16)),
                    Key.uniformReps: .int(100),
                    Key.uniformInteriorQueries: .int(64),
                    Key.uniformRefineSteps: .int(20),
                    Key.momentsDimension: .int(50),
                    Key.momentsVariance: .real(0.1),
                    Key.momentsForm: .text("repo"),
                    Key.momentsN: .intList(geometricGrid(1000, 30000, count: 12)),
                    Key.momentsReps: .int(200),
                    Key.hardmaxAnnealedDimensions: .intList([3, 5]),
                    Key.hardmaxAnnealedN: .intList(powers(4, 3...10)),
                    Key.hardmaxAnnealedReps: .int(800),
                    Key.hardmaxSphereDimensions: .intList([3, 8, 16, 32, 50]),
                    Key.hardmaxSphereN: .intList(powers(4, 2...9)),
                    Key.hardmaxGaussN: .intList(powers(4, 2...10)),
                    Key.hardmaxGaussReps: .int(200),
                ]),
        ]
    }

    /// Cross-parameter rules: token-count grids must not repeat a value (each n is one point
    /// of a series).
    @Sendable static func validate(_ parameters: ParameterSet) -> ParameterProblem? {
        let grids = [
            Key.uniformN, Key.momentsN, Key.hardmaxAnnealedN, Key.hardmaxSphereN, Key.hardmaxGaussN,
        ]
        for key in grids {
            guard let values = try? parameters.ints(key) else { continue }
            if Set(values).count != values.count {
                return ParameterProblem(parameter: key, message: "token counts must be distinct")
            }
        }
        for key in [Key.uniformRadii, Key.momentsHorizons, Key.hardmaxGaussSignals] {
            guard let values = try? parameters.reals(key) else { continue }
            if Set(values.map { MetricLabel.real("", $0) }).count != values.count {
                return ParameterProblem(parameter: key, message: "values must be distinct")
            }
        }
        for key in [Key.hardmaxAnnealedDimensions, Key.hardmaxSphereDimensions] {
            guard let values = try? parameters.ints(key) else { continue }
            if Set(values).count != values.count {
                return ParameterProblem(parameter: key, message: "dimensions must be distinct")
            }
        }
        return nil
    }
}

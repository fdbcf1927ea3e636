import WorkbenchCore
import WorkbenchNumerics

extension AttentionLipschitzExperiment {
    /// `Measurement` of the scalar `key`.
    static func scalar(_ key: String, detail: String? = nil) -> ClaimMeasure {
        .computed { results in results.scalar(key).map { Measurement($0, detail: detail) } }
    }

    /// The largest of several scalars (NaN wins), naming the worst.
    static func worstOf(_ keys: [String]) -> ClaimMeasure {
        .computed { results in
            let values = keys.compactMap { key in results.scalar(key).map { (key, $0) } }
            guard values.count == keys.count, let worst = values.map(\.1).maximumPropagatingNaN() else { return nil }
            let name = values.first { $0.1 == worst || $0.1.isNaN }?.0 ?? ""
            return Measurement(worst, detail: "worst: \(name)")
        }
    }

    /// Spec A1–A3 and A9, decided by `oracles`.
    static let oracleClaims: [ClaimSpec] = [
        // Tolerance (spec A1): central differences with ε = 1e−6 on tokens of norm ≤ 3 measured
        // ≤ 1.2e−9 relative; absolute errors reach 7.5e−9 at larger norms, hence a relative bound
        // with about two decades of margin for the O(ε²) truncation and rounding.
        ClaimSpec(
            "A1-fd",
            statement:
                "The analytic JVP matches central finite differences (ε = 1e−6, tokens ‖x_i‖ ≤ 3, query bias, masked and unmasked): relative error ≤ 1e−7",
            paperValue: "spec O0: ≤ 1.2e−9 measured", expected: .atMost(1e-7), measure: .metric("oracle.o0.fd")),
        // Adjointness and the block formula are exact identities: 1e−12 leaves room only for the
        // rounding of sums over nd ≤ a few hundred terms (measured ≈ 1e−13, spec O0).
        ClaimSpec(
            "A1-adjoint", statement: "The VJP is the adjoint of the JVP: |⟨Ju, y⟩ − ⟨u, Jᵀy⟩|/|⟨Ju, y⟩| ≤ 1e−12",
            paperValue: "spec O0", expected: .atMost(1e-12), measure: .metric("oracle.o0.adjoint")),
        ClaimSpec(
            "A1-full", statement: "The block formula of §1.2 equals the JVP's columns: relative error ≤ 1e−12",
            paperValue: "spec O0: 1e−13", expected: .atMost(1e-12), measure: .metric("oracle.o0.full")),
        // O1–O4 are closed forms; 1e−9 is spec A2's criterion. Lanczos stops at a relative change
        // of the Ritz value < 1e−8, and a Ritz value's error is quadratic in its vector's, so it
        // meets 1e−9 with room (measured 3.7e−16 on the paper run).
        ClaimSpec(
            "A2-exact",
            statement:
                "O1 (A = 0), O2 (identical tokens), O3 (masked: ‖C_n‖·‖V‖) and O4 (max(1, aR²)) hold to relative 1e−9",
            paperValue: "exact", expected: .atMost(1e-9),
            measure: worstOf(["oracle.o1", "oracle.o2", "oracle.o3", "oracle.o4"])),
        // The spec prints O7 to 6 decimals, so 5e−7 (half a unit in the last printed digit) is the
        // rounding of the reference itself, not a measurement tolerance.
        ClaimSpec(
            "A2-O7", statement: "The O7 worked examples agree with the spec's 6-decimal values (absolute error ≤ 5e−7)",
            paperValue: "spec O7", expected: .atMost(5e-7), measure: .metric("oracle.o7_abs")),
        // Lanczos stops when the Ritz value changes by < 1e−8 relative (spec A3), so that is the
        // accuracy it can promise against dgesdd.
        ClaimSpec(
            "A3", statement: "Golub–Kahan–Lanczos matches dgesdd's σ_max on nd ≤ 512 to relative 1e−8",
            paperValue: "spec A3", expected: .atMost(1e-8), measure: .metric("oracle.lanczos")),
        // Spec A9's bound: at R = 256 with gap·R² ≥ 30 the softmax is within e^{−30} ≈ 1e−13 of
        // the hardmax limit, so 1e−6 leaves Lanczos (1e−8, A3) and the limit's terms ample room.
        ClaimSpec(
            "A9",
            statement:
                "O6 large-radius limit: σ(RX) → ‖V‖√(max in-degree of the argmax graph); relative error ≤ 1e−6 at R = 256 (d = 16, n = 12, gap·R² ≥ 30)",
            paperValue: "C5 (spec: 3.330543 = limit)", expected: .atMost(1e-6), measure: .metric("oracle.o6.rel")),
    ]

    /// The single-head series of the construction at R = 6.
    static func constructionSeries(_ mask: String, _ name: String) -> String {
        AdversarialStudy.key("single", mask, 6, name).text
    }

    /// Spec A4–A6, decided by `adversarial` (A6 reads every part's bound ratios).
    static let adversarialClaims: [ClaimSpec] = [
        ClaimSpec(
            "A4-exponent",
            statement:
                "C3: on the construction (d = advDim, R = 6, γ ≥ 15) one head's σ grows like √m: exponent of σ against m (m = n, or n − 1 in case 2) in [0.49, 0.51]",
            paperValue: "√n (E2: C·n^{1/2}); spec 0.500", expected: .between(0.49, 0.51),
            measure: .computed { results in
                guard let branch = results.scalar("adv.branch") else { return nil }
                let series = results.series(constructionSeries("unmasked", "sigma"))
                let m = series.map { branch == 2 ? $0.x - 1 : $0.x }
                return LinearFit.powerLaw(x: m, y: series.map(\.value)).map {
                    Measurement(fit: $0, detail: "case \(Int(branch)), \(series.count) values of n")
                }
            },
            appliesWhen: [.includes(advRadii, [6]), .count(advCounts, atLeast: 3)]),
        ClaimSpec(
            "A4-saturation",
            statement: "C3: σ = ‖V‖√m on the construction at R = 6: max over n of |σ/(‖V‖√m) − 1| ≤ 1e−4",
            paperValue: "tight (spec ≈ 1e−12)", expected: .atMost(1e-4),
            measure: .computed { results in
                results.series(constructionSeries("unmasked", "ratio")).map { abs($0.value - 1) }
                    .maximumPropagatingNaN().map { Measurement($0) }
            },
            appliesWhen: [.includes(advRadii, [6])]),
        ClaimSpec(
            "A5",
            statement: "C6: causal attention on the construction reaches ‖V‖√n: L(97)/(‖V‖√97) in [1 − 1e−4, 1 + 1e−4]",
            paperValue: "√n carries over to masked attention (spec 1.000000)", expected: .between(1 - 1e-4, 1 + 1e-4),
            measure: .computed { results in
                results.value(constructionSeries("causal", "ratio"), at: 97).map { Measurement($0) }
            },
            appliesWhen: [.includes(advRadii, [6]), .includes(advCounts, [97])]),
        ClaimSpec(
            "A6-paper",
            statement:
                "C2: σ ≤ √3‖V‖(n + 4nα²R² + ‖A‖²R⁴)^{1/2} (α = ‖A‖R + ‖c‖; heads by √Σb² or Σ‖W_O‖b) on every X evaluated: max σ/bound ≤ 1 over all parts run",
            paperValue: "O(‖V‖‖A‖R²√n) upper bound (spec worst 0.37)", expected: .atMost(1),
            measure: boundRatio("paper")),
        ClaimSpec(
            "A6-simple",
            statement: "C2, simple form σ ≤ ‖V‖(√n(1 + αR) + ‖A‖R²): max σ/bound ≤ 1 over all parts run",
            paperValue: "spec worst 0.53", expected: .atMost(1), measure: boundRatio("simple")),
    ]

    /// The worst `{part}.max_bound_ratio.{form}` recorded.
    static func boundRatio(_ form: String) -> ClaimMeasure {
        .computed { results in
            let keys = results.scalarKeys().filter { $0.hasSuffix(".max_bound_ratio.\(form)") }
            let values = keys.compactMap { key in results.scalar(key).map { (key, $0) } }
            guard let worst = values.map(\.1).maximumPropagatingNaN() else { return nil }
            let name = values.first { $0.1 == worst || $0.1.isNaN }?.0.split(separator: ".").first ?? ""
            return Measurement(worst, detail: "worst part: \(name); \(values.count) parts")
        }
    }

    /// The ratio of two plateau values of `meanfield`.
    static func plateauRatio(_ radius: Double, _ high: Double, _ low: Double) -> ClaimMeasure {
        .computed { results in
            let key = MeanFieldStudy.key(radius, "plateau").text
            guard let a = results.value(key, at: high), let b = results.value(key, at: low) else { return nil }
            return Measurement(
                a / b,
                detail: "L*(\(Int(high))) = \(ReportNumber.format(a)), L*(\(Int(low))) = \(ReportNumber.format(b))")
        }
    }

    /// The spec's converged O9 values (fine mass grid).
    static let meanFieldReference: [Double: Double] = [3: 4.6833, 4: 12.9773, 5: 56.2271]

    /// Spec A7 and A8, decided by `meanfield`.
    static let meanFieldClaims: [ClaimSpec] =
        [4.0, 5].flatMap { radius -> [ClaimSpec] in
            let r = Int(radius)
            return [
                ClaimSpec(
                    "A7-flat-R\(r)",
                    statement: "C4: the two-cluster sup stops growing: L*(2^16)/L*(2^12) in [0.97, 1.03] at R = \(r)",
                    paperValue: "n-independent mean-field bound", expected: .between(0.97, 1.03),
                    measure: plateauRatio(radius, 65536, 4096),
                    appliesWhen: [.includes(mfRadii, [radius]), .atLeast(mfMaxExponent, 16)]),
                ClaimSpec(
                    "A7-growth-R\(r)",
                    statement: "…after growing first: L*(2^5)/L*(2^1) ≥ 2 at R = \(r)",
                    paperValue: "spec 2.58 (R = 4), 2.22 (R = 5)", expected: .atLeast(2),
                    measure: plateauRatio(radius, 32, 2), appliesWhen: [.includes(mfRadii, [radius])]),
            ]
        } + [
            ClaimSpec(
                "A7-meanfield",
                statement:
                    "The plateau L*(2^16) is within 1 % of the two-atom mean-field sup O9 (4.6833, 12.9773, 56.2271 at R = 3, 4, 5): worst relative difference ≤ 0.01",
                paperValue: "plateau = Lip_W₂ of the mean-field map", expected: .atMost(0.01),
                measure: .computed { results in
                    var worst: Double?
                    var details: [String] = []
                    for (radius, reference) in meanFieldReference.sorted(by: { $0.key < $1.key }) {
                        guard let value = results.value(MeanFieldStudy.key(radius, "plateau").text, at: 65536) else {
                            continue
                        }
                        let difference = abs(value / reference - 1)
                        worst = max(worst ?? 0, difference)
                        details.append("R = \(ReportNumber.format(radius)): \(ReportNumber.format(value))")
                    }
                    return worst.map { Measurement($0, detail: details.joined(separator: ", ")) }
                },
                appliesWhen: [.includes(mfRadii, [4, 5]), .atLeast(mfMaxExponent, 16)]),
            ClaimSpec(
                "A8",
                statement:
                    "Before the plateau σ grows like √n: log-log slope of L*(n; R = 5) over n = 32…512 in [0.45, 0.70]",
                paperValue: "√n phase (spec 0.58)", expected: .between(0.45, 0.70),
                measure: .logLogSlope(series: MeanFieldStudy.key(5, "plateau").text, xMin: 32, xMax: 512),
                appliesWhen: [.includes(mfRadii, [5]), .atLeast(mfMaxExponent, 9)]),
        ]

    /// C1 and C7, decided by `radius`.
    static let radiusClaims: [ClaimSpec] = [
        ClaimSpec(
            "C1",
            statement:
                "Attention is not globally Lipschitz: on O4 the local constant grows like R² (log-log slope over R ≥ 1 in [1.99, 2.01])",
            paperValue: "unbounded (Kim et al. 2021); O4: max(1, R²)", expected: .between(1.99, 2.01),
            measure: .logLogSlope(series: "rad.o4.sigma", xMin: 1),
            appliesWhen: [.count(radRadii, atLeast: 2)]),
        ClaimSpec(
            "C7-radius",
            statement: "LayerNorm outputs lie in B_R with R = √d‖γ‖_∞ + ‖β‖: max‖LN(x)‖/R ≤ 1",
            paperValue: "C7", expected: .atMost(1), measure: .metric("rad.ln.max_norm_ratio")),
        ClaimSpec(
            "C7-finite",
            statement:
                "Behind a LayerNorm the local constant does not grow with the input scale s: max_s σ(LN(sX₀))/min_s σ(LN(sX₀)) ≤ 1 + 1e−6, while σ(sX₀) grows",
            paperValue: "normalisation keeps the constant finite (C7)", expected: .atMost(1 + 1e-6),
            measure: .computed { results in
                let values = results.series("rad.ln.sigma_normalised").map(\.value)
                let raw = results.series("rad.ln.sigma_raw").map(\.value)
                guard let high = values.maximumPropagatingNaN(), let low = values.minimumPropagatingNaN(), low > 0,
                    let rawHigh = raw.maximumPropagatingNaN(), let rawLow = raw.minimumPropagatingNaN()
                else { return nil }
                return Measurement(
                    high / low, detail: "without LayerNorm max/min = \(ReportNumber.format(rawHigh / rawLow))")
            },
            appliesWhen: [.count(radRadii, atLeast: 2)]),
    ]

    /// A10, decided by `ascent`.
    static let ascentClaims: [ClaimSpec] = [
        ClaimSpec(
            "A10-above",
            statement:
                "Gradient ascent finds inputs at least as bad as the C3 construction: min over n of best/construction ≥ 1",
            paperValue: "beyond the paper (spec: 44–48 against 3.5 at n = 2–4)", expected: .atLeast(1),
            measure: .computed { results in
                let best = results.series("asc.best")
                let construction = results.series("asc.construction")
                guard best.count == construction.count, !best.isEmpty else { return nil }
                return zip(best, construction).map { $0.value / $1.value }.minimumPropagatingNaN().map {
                    Measurement($0)
                }
            }),
        ClaimSpec(
            "A10-below",
            statement: "…and stays below the C2 simple bound at the same X: max over n of best/bound ≤ 1",
            paperValue: "spec: 20–30 % of the simple bound", expected: .atMost(1),
            measure: .computed { results in
                let best = results.series("asc.best")
                let bound = results.series("asc.bound_simple")
                guard best.count == bound.count, !best.isEmpty else { return nil }
                return zip(best, bound).map { $0.value / $1.value }.maximumPropagatingNaN().map { Measurement($0) }
            }),
    ]

    /// A11, decided by `random-init`.
    static let randomInitClaims: [ClaimSpec] = [
        ClaimSpec(
            "A11-unmasked",
            statement:
                "Random init (LayerNorm'd tokens, near-uniform attention): the unmasked exponent is in [−0.1, 0.1]",
            paperValue: "flat (spec −0.031)", expected: .between(-0.1, 0.1),
            measure: .logLogSlope(series: "ri.unmasked.sigma"), appliesWhen: [.count(riCounts, atLeast: 3)]),
        ClaimSpec(
            "A11-masked",
            statement: "Random init, causal: L(256)/L(2) in [1.2, 1.8] (the Cesàro norm ‖C₂₅₆‖/‖C₂‖ = 1.47)",
            paperValue: "spec 1.39 (d = 128), masked grows toward 2‖V‖", expected: .between(1.2, 1.8),
            measure: .computed { results in
                guard let high = results.value("ri.causal.sigma", at: 256),
                    let low = results.value("ri.causal.sigma", at: 2)
                else { return nil }
                return Measurement(high / low)
            },
            appliesWhen: [.includes(riCounts, [2, 256])]),
    ]
}

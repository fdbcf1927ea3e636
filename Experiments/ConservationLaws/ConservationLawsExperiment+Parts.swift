import WorkbenchCore

extension ConservationLawsExperiment {
    /// The parts, in the order they run. Each reads only its own parameters and records every
    /// architecture (or step size) as soon as it is computed.
    static var parts: [ExperimentPart] {
        [
            ExperimentPart(
                "count",
                summary:
                    "N = D − dim Lie(W_phi) exactly (mod p, lazy brackets) and by float SVD; known laws, closed forms, 2-layer grid",
                parameters: countParameters, claims: countClaims + gridClaims,
                run: { try CountStudy($0).run($0) }),
            ExperimentPart(
                "poly",
                summary: "degree-2 polynomial laws as a kernel over random points, vs N and the known laws",
                parameters: polyParameters, claims: polyClaims,
                run: { try PolyStudy($0).run($0) }),
            ExperimentPart(
                "gd",
                summary: "GD drift of laws O(η) vs non-laws O(1) at a fixed horizon; RK4 order 4 on the linear flow",
                parameters: gdParameters, claims: gdClaims,
                run: { try DriftStudy($0).run($0) }),
            ExperimentPart(
                "momentum",
                summary: "beyond the paper: heavy-ball phase-space law counts and the angular-momentum law under RK4",
                parameters: momentumParameters, claims: momentumClaims,
                run: { try MomentumStudy($0).run($0) }),
            ExperimentPart(
                "mirror",
                summary: "beyond the paper: laws of the NMF mirror flow θ' = −θ ⊙ ∇E",
                parameters: mirrorParameters, claims: mirrorClaims,
                run: { try MirrorStudy($0).run($0) }),
        ]
    }

    /// Every metric family.
    static var metricSpecs: [MetricSpec] {
        CountMetricKeys.specs + polyMetricSpecs + DriftMetricKeys.specs + momentumMetricSpecs
            + mirrorMetricSpecs
    }
}

import WorkbenchCore

extension AttentionLipschitzExperiment {
    /// Every declared parameter, in the order `workbench list` shows them.
    static let parameterDeclarations: [any ParameterDeclaration] =
        [lanczosCap, advDim, advHeads, advRadii, advCounts, mfRadii, mfMaxExponent, mfSizes, mfRatios, mfMasses]
        + [radRadii, radCounts, radDim, ascDim, ascCounts, ascRadius, ascRestarts, ascSteps]
        + [riDim, riHeads, riStd, riCounts, riSequences]
        + [corpus, ptLayers, ptCounts, ptSequences, ptFitMax, ptRadii, ptAdvCounts]

    /// The work, in the order it runs; `parts=` selects a subset.
    static let parts: [ExperimentPart] = [
        ExperimentPart(
            "oracles", summary: "O0–O4, O6, O7: derivatives, exact values, Lanczos against dgesdd (A1–A3, A9)",
            parameters: [], claims: oracleClaims
        ) { context in try OracleStudy(context: context).run() },
        ExperimentPart(
            "adversarial",
            summary: "C3/C6: the √n construction, one head and an H-head sum, unmasked and causal (A4–A6)",
            parameters: [lanczosCap, advDim, advHeads, advRadii, advCounts], claims: adversarialClaims
        ) { context in try AdversarialStudy(context: context).run() },
        ExperimentPart(
            "meanfield", summary: "C4: the n-independent plateau of the exact two-cluster sup, and O9 (A7, A8)",
            parameters: [mfRadii, mfMaxExponent, mfSizes, mfRatios, mfMasses], claims: meanFieldClaims
        ) { context in try MeanFieldStudy(context: context).run() },
        ExperimentPart(
            "radius", summary: "C1/C7: growth R² without normalisation; worst cases against R; the LayerNorm radius",
            parameters: [lanczosCap, radRadii, radCounts, radDim], claims: radiusClaims
        ) { context in try RadiusStudy(context: context).run() },
        ExperimentPart(
            "ascent", summary: "beyond the paper: projected gradient ascent on inputs against the construction (A10)",
            parameters: [lanczosCap, ascDim, ascCounts, ascRadius, ascRestarts, ascSteps], claims: ascentClaims
        ) { context in try AscentStudy(context: context).run() },
        ExperimentPart(
            "random-init", summary: "BERT-like random weights on LayerNorm'd tokens, unmasked and causal (A11)",
            parameters: [lanczosCap, riDim, riHeads, riStd, riCounts, riSequences], claims: randomInitClaims
        ) { context in
            let rows = try RandomInitStudy(context: context).run()
            try context.attach(
                name: "lipschitz_vs_n.random-init.csv", content: LipschitzRow.header + rows.map(\.line).joined())
        },
        pretrainedPart,
    ]
}

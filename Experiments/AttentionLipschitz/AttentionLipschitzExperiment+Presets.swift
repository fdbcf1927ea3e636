import WorkbenchCore

extension AttentionLipschitzExperiment {
    /// The `paper` preset (spec §5.2).
    static let paperPreset = Preset(
        "paper",
        summary:
            "adversarial d = 64, H = 12, R ∈ {2, 4, 6, 15.5}; meanfield R = 2…6, finer grids; radius n ∈ {4, 16}; ascent n ≤ 64, 400 steps, 6 restarts; random-init d = 768, H = 12, σ = 0.02; pretrained layers 0–5, n = 2…98 step 2 and 128, 192, 256, 10 chunks, five licence texts, R ∈ {12, 13.3}",
        [
            advDim.set(64), advHeads.set(12), advRadii.set([2, 4, 6, 15.5]),
            mfRadii.set([2, 3, 4, 5, 6]), mfSizes.set(120), mfRatios.set(91), mfMasses.set(400),
            radCounts.set([4, 16]),
            ascCounts.set([2, 4, 8, 16, 32, 64]), ascSteps.set(400), ascRestarts.set(6),
            riDim.set(768), riHeads.set(12), riStd.set(0.02),
            corpus.set(paperCorpus), ptLayers.set(Array(0...5)),
            ptCounts.set(Array(stride(from: 2, through: 98, by: 2)) + [128, 192, 256]),
            ptSequences.set(10), ptRadii.set([12, 13.3]), ptAdvCounts.set(adversarialGrid),
        ])
}

import WorkbenchCore

extension ResNetODEExperiment {
    /// The `paper` preset (spec §5.1): depths to 4096, batch 256, the tanh residual, 8 RK4
    /// substeps per layer and 16384 limit steps.
    static let paperPreset = Preset(
        "paper",
        summary:
            "gap: depths 4…4096, B = 256, residuals mlp/tanh/relu/linear, S = 8, M = 16384; linear: N to 1024 against 8192, 2000 i.i.d. steps; memory d = B = 500; train N to 64, B = 256, 400 iterations, seeds 0–4; reversible: N to 1024",
        [
            batch.set(256),
            depths.set((0..<11).map { 4 << $0 }),
            residuals.set(["mlp", "tanh", "relu", "linear"]),
            odeSubsteps.set(8),
            limitSteps.set(16384),
            linDepths.set([8, 16, 32, 64, 128, 256, 512, 1024]),
            linRefDepth.set(8192),
            linIIDSteps.set(2000),
            memDepths.set([1, 151, 301]),
            memBatch.set(500),
            memDim.set(500),
            trainDepths.set([2, 4, 8, 16, 32, 64]),
            trainBatch.set(256),
            trainIters.set(400),
            trainSeeds.set([0, 1, 2, 3, 4]),
            revDepths.set((0..<9).map { 4 << $0 }),
        ])
}

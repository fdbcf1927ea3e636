import WorkbenchCore

extension DiffusionDiscretizationExperiment {
    /// The `paper` preset: all three processes, d = 3072, finer η and K ranges, larger Monte Carlo.
    static let paperPreset = Preset(
        "paper",
        summary:
            "all processes, d = 3072, α ∈ {0.5, 1, 1.5, 2}, grids uniform/power:2/edm:7, η ∈ {0, 0.5, 1, 1.5, 2}, K to 10240, MC N = 10^5 (a few minutes)",
        [
            processes.set(ForwardProcess.names),
            spectra.set(["pow:0.5", "pow:1", "pow:1.5", "pow:2", "twoscale"]),
            dimension.set(3072),
            etas.set([0, 0.5, 1, 1.5, 2]),
            grids.set(["uniform", "power:2", "edm:7"]),
            stepCounts.set((0..<11).map { 10 << $0 }),
            sweepAlphas.set([0.5, 1, 1.5, 2]),
            sweepGrids.set(["uniform", "power:2", "edm:7"]),
            powerSweepEtas.set([0, 0.5, 1]),
            sweepStepCounts.set([50, 200, 1000]),
            mcSamples.set(100_000),
            mcDimensions.set([2, 5, 10, 64]),
            mcStepCounts.set([10, 20, 40]),
            mcEtas.set([0, 0.5, 1]),
        ])
}

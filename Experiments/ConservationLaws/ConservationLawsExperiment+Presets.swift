import WorkbenchCore

extension ConservationLawsExperiment {
    /// The paper's list C (q-layer linear nets, 47 distinct of 50 drawn) rebuilt from the
    /// authors' random stream (spec §2).
    static let paperLinearArchitectures = [
        "lin:5-3-2", "lin:5-5-4-4-5", "lin:3-4-2-4", "lin:2-2-2", "lin:4-2-5", "lin:3-2-3-3", "lin:2-4-5-2-2",
        "lin:2-3-3", "lin:2-5-4-3", "lin:2-4-2-2", "lin:2-4-3-4-4", "lin:3-2-4", "lin:4-5-3", "lin:3-2-3",
        "lin:5-5-2", "lin:5-5-3-2", "lin:3-4-5-4-2", "lin:5-2-3", "lin:3-4-5", "lin:3-5-5-3-2", "lin:5-5-5",
        "lin:3-4-3-2-3", "lin:5-4-3", "lin:2-5-4", "lin:3-2-3-5", "lin:4-5-5-5", "lin:3-2-5", "lin:5-5-3-5",
        "lin:2-4-5-2", "lin:3-5-3-4", "lin:3-5-3", "lin:3-2-4-2", "lin:3-3-3", "lin:3-3-3-3", "lin:4-4-5-4-4",
        "lin:4-5-2", "lin:5-2-3-2-4", "lin:5-3-3-2", "lin:2-4-2-4", "lin:2-3-5", "lin:2-2-3", "lin:2-2-4",
        "lin:3-3-5-5-2", "lin:3-5-5-5-5", "lin:5-3-3-5-3", "lin:5-5-2-2", "lin:4-5-4",
    ]

    /// The paper's list D (q-layer ReLU nets, bias with probability ½), spec §2.
    static let paperReluArchitectures = [
        "relu:9-7-2", "relu:8-5-8-5-5", "relu:8-8-6-6-4", "relu:8-6-8", "relu:2-4-5-8-5:b", "relu:8-5-9-8:b",
        "relu:4-6-7", "relu:7-3-4-5:b", "relu:7-2-6:b", "relu:7-9-9-7-3", "relu:9-8-5-4-7", "relu:7-3-4-5",
        "relu:8-7-3-6", "relu:6-4-2-3-6", "relu:2-6-3-7-2", "relu:9-7-3-9-4", "relu:3-5-3:b",
        "relu:3-7-9-3-3:b", "relu:5-3-3-4:b", "relu:2-3-6-8", "relu:7-2-6-6:b", "relu:9-3-5-9-9", "relu:9-4-7",
        "relu:9-9-8-8-8:b", "relu:9-9-3-2", "relu:3-6-2-3-7", "relu:4-2-4-3", "relu:7-4-2-5-7",
        "relu:9-8-4-8-5", "relu:8-2-4-5:b", "relu:3-6-7:b", "relu:2-3-9-9-3", "relu:4-5-6", "relu:9-6-7-9:b",
        "relu:6-6-4-6", "relu:7-4-7-3-4", "relu:9-6-7-9", "relu:8-2-2:b", "relu:2-6-6-7", "relu:7-8-7",
        "relu:7-9-7-6:b", "relu:2-6-6:b", "relu:9-8-4:b", "relu:3-9-8-3-3:b", "relu:8-7-5-5-5:b",
        "relu:9-5-2:b", "relu:9-2-7:b", "relu:2-7-4-5-3", "relu:9-4-8:b", "relu:3-6-4-2-9:b",
    ]

    /// The benchmark subset: the nets of list C with at most three layers (36) and its largest,
    /// `lin:5-5-4-4-5` (D = 81), in the list's order — the work of the pure-Python peer
    /// `Tests/Benchmarks/peers/conservation_count_python.py`.
    static let benchmarkArchitectures = paperLinearArchitectures.filter {
        $0.split(separator: "-").count <= 4 || $0 == "lin:5-5-4-4-5"
    }

    /// The `benchmark` preset: the `count` part alone on ``benchmarkArchitectures``, no random
    /// architectures and a one-case 2-layer grid, so a whole-process timing measures the same
    /// lazy-bracket work as the peer.
    static let benchmarkPreset = Preset(
        "benchmark",
        summary:
            "count only, on the 36 nets of list C with at most three layers and lin:5-5-4-4-5 (the Python peer's subset); no random architectures, a one-case grid",
        overrides: [
            ExperimentDescriptor.partsKey: .textList(["count"]),
            archs.key: .textList(benchmarkArchitectures),
            randomArchs.key: .int(0),
            gridMaxWidth.key: .int(1),
            gridMaxRank.key: .int(1),
        ])

    /// `quick` is the declared defaults; `paper` counts the lists C and D; `benchmark` the
    /// peer's subset.
    static var presets: [Preset] {
        [
            benchmarkPreset,
            Preset(
                "paper",
                summary: "the paper's lists C (47 linear), D (50 ReLU), C′ and D′ (degree-2 search) and the gd study",
                [
                    archs.set(paperLinearArchitectures + paperReluArchitectures), randomArchs.set(0),
                    polyArchs.set(paperPolyArchitectures), polyMaxD.set(36),
                    momentumArchs.set(["lin:2-2-2", "lin:2-3-2", "lin:1-3-1", "relu:2-2-2", "lin:3-3-3", "lin:2-2-2-2"]
                    ),
                ]),
        ]
    }
}

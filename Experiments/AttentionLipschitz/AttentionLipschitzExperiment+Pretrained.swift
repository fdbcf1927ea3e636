import WorkbenchCore

extension AttentionLipschitzExperiment {
    static let pretrainedMetrics: [MetricSpec] = []
    static let inputs: [ExperimentInput] = []
}

/// Everything the runner, the command line and the reports need to know about an experiment,
/// declared as data.
public struct ExperimentDescriptor: Sendable {
    /// Command-line and database identifier, e.g. `diffusion-discretization`.
    public let id: String
    /// Human title for `workbench list` and the report heading.
    public let title: String
    /// The paper reproduced.
    public let paper: PaperReference
    /// One paragraph: what a run measures.
    public let summary: String
    /// Declared parameters, in display order.
    public let parameters: [ParameterSpec]
    /// Presets; `quick` (the declared defaults) is implicit and need not be listed.
    public let presets: [Preset]
    /// The paper's claims, evaluated by the runner after `run` returns.
    public let claims: [ClaimSpec]
    /// The metrics the experiment records.
    public let metrics: [MetricSpec]
    /// Seed used when `--seed` is not given.
    public let defaultSeed: UInt64
    /// Cross-parameter rules (e.g. `T > eps`), applied after each value passed its own constraint.
    public let validate: @Sendable (ParameterSet) -> ParameterProblem?

    public init(
        id: String, title: String, paper: PaperReference, summary: String,
        parameters: [ParameterSpec], presets: [Preset] = [], claims: [ClaimSpec],
        metrics: [MetricSpec], defaultSeed: UInt64 = 0,
        validate: @escaping @Sendable (ParameterSet) -> ParameterProblem? = { _ in nil }
    ) {
        self.id = id
        self.title = title
        self.paper = paper
        self.summary = summary
        self.parameters = parameters
        self.presets = presets
        self.claims = claims
        self.metrics = metrics
        self.defaultSeed = defaultSeed
        self.validate = validate
    }

    /// All presets including the implicit `quick`.
    public var allPresets: [Preset] {
        if presets.contains(where: { $0.name == Preset.quickName }) { return presets }
        return [Preset(Preset.quickName, summary: "the declared defaults")] + presets
    }

    /// The declaration of `key`, if any.
    public func parameter(_ key: String) -> ParameterSpec? {
        parameters.first { $0.key == key }
    }
}

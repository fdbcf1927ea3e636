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
    /// The experiment's own parameters, in display order (the core adds ``partsParameter``).
    public let declaredParameters: [ParameterSpec]
    /// Presets; `quick` (the declared defaults) is implicit and need not be listed.
    public let presets: [Preset]
    /// The work, in the order it runs; `parts=` selects a subset.
    public let parts: [ExperimentPart]
    /// The metrics the experiment records.
    public let metrics: [MetricSpec]
    /// Files the experiment reads from the data directory.
    public let inputs: [ExperimentInput]
    /// Seed used when `--seed` is not given.
    public let defaultSeed: UInt64
    /// Cross-parameter rules (e.g. `eps < T`), applied after each value passed its own constraint.
    public let rules: [ParameterRule]
    /// The preset of the committed reference report (`Reports/<id>/`, written by
    /// `workbench report all --preset reference --out Reports`): the paper's scale, or the
    /// largest preset that runs in reasonable time.
    public let referencePreset: String

    public init(
        id: String, title: String, paper: PaperReference, summary: String,
        parameters: [any ParameterDeclaration], presets: [Preset] = [], parts: [ExperimentPart],
        metrics: [MetricSpec], inputs: [ExperimentInput] = [], defaultSeed: UInt64 = 0,
        rules: [ParameterRule] = [], referencePreset: String = "paper"
    ) {
        self.id = id
        self.title = title
        self.paper = paper
        self.summary = summary
        self.declaredParameters = parameters.map(\.spec)
        self.presets = presets
        self.parts = parts
        self.metrics = metrics
        self.inputs = inputs
        self.defaultSeed = defaultSeed
        self.rules = rules
        self.referencePreset = referencePreset
    }

    /// The key of the core's part selection.
    public static let partsKey = "parts"

    /// `parts`: which parts run, in declaration order whatever order is given (default: all).
    public var partsParameter: ParameterSpec {
        let names = parts.map(\.name)
        return ParameterSpec(
            Self.partsKey, .textList(names),
            doc: "parts to run (default: all): " + parts.map { "\($0.name) — \($0.summary)" }.joined(separator: "; "),
            constraint: .list(minCount: 1, element: .choices(names), distinct: true))
    }

    /// Every parameter, in display order: `parts` first, then the declared ones.
    public var parameters: [ParameterSpec] { [partsParameter] + declaredParameters }

    /// The paper's claims, part by part.
    public var claims: [ClaimSpec] { parts.flatMap(\.claims) }

    /// All presets including the implicit `quick`.
    public var allPresets: [Preset] {
        if presets.contains(where: { $0.name == Preset.quickName }) { return presets }
        return [Preset(Preset.quickName, summary: "the declared defaults")] + presets
    }

    /// The declaration of `key`, if any.
    public func parameter(_ key: String) -> ParameterSpec? {
        parameters.first { $0.key == key }
    }

    /// The part called `name`, if any.
    public func part(_ name: String) -> ExperimentPart? { parts.first { $0.name == name } }

    /// The parts `parameters` selects, in declaration order.
    public func selectedParts(_ parameters: ParameterSet) -> [ExperimentPart] {
        let chosen = Set(parameters.values[Self.partsKey].flatMap([String].init(parameterValue:)) ?? parts.map(\.name))
        return parts.filter { chosen.contains($0.name) }
    }

    /// Whether `key` belongs to a family declared as a wall-clock timing
    /// (``MetricSpec/isWallClockTiming``).
    public func isWallClockTiming(_ key: String) -> Bool {
        metrics.contains { $0.isWallClockTiming && $0.matches(key) }
    }

    /// The points bit-reproducibility is about: `points` without those of wall-clock timing
    /// families. The result digest, `workbench verify` and the conformance kit compare these only,
    /// so two runs of one configuration agree although their measured seconds differ.
    public func reproducible(_ points: [MetricPoint]) -> [MetricPoint] {
        guard metrics.contains(where: \.isWallClockTiming) else { return points }
        var timing = [String: Bool]()
        return points.filter { point in
            if let known = timing[point.key] { return !known }
            let isTiming = isWallClockTiming(point.key)
            timing[point.key] = isTiming
            return !isTiming
        }
    }

    /// The part deciding `claim`, if any.
    public func part(deciding claim: String) -> ExperimentPart? {
        parts.first { $0.claims.contains { $0.id == claim } }
    }
}

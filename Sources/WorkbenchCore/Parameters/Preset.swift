/// A named set of parameter overrides, e.g. `quick` (the defaults) or `paper` (the paper's scale).
public struct Preset: Sendable {
    /// Name used with `--preset`.
    public let name: String
    /// One line for `workbench list`: what it covers and roughly how long it takes.
    public let summary: String
    /// Values replacing the declared defaults (keys must be declared parameters).
    public let overrides: [String: ParameterValue]

    public init(_ name: String, summary: String, overrides: [String: ParameterValue] = [:]) {
        self.name = name
        self.summary = summary
        self.overrides = overrides
    }

    /// A preset from typed settings (`[Self.dimension.set(64), Self.etas.set([0, 1])]`).
    public init(_ name: String, summary: String, _ settings: [PresetSetting]) {
        self.init(
            name, summary: summary,
            overrides: Dictionary(settings.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    /// The default preset name: the declared defaults, fast enough for every run of CI.
    public static let quickName = "quick"
}

/// One parameter value set by a preset, built by ``Parameter/set(_:)``.
public struct PresetSetting: Sendable {
    public let key: String
    public let value: ParameterValue
}

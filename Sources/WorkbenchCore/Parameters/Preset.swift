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

    /// The default preset name: the declared defaults, fast enough for every run of CI.
    public static let quickName = "quick"
}

/// A run's parameters and recorded metrics, as read back from the database (or collected in
/// memory by tests). Claims and reports are computed from this alone.
public struct RunResults: Sendable {
    /// The run's identifier (empty for in-memory results).
    public let runID: String
    /// Experiment id.
    public let experiment: String
    /// Preset name.
    public let preset: String
    /// Master seed.
    public let seed: UInt64
    /// Resolved parameters.
    public let parameters: ParameterSet
    /// All metric points in canonical order.
    public let metrics: [MetricPoint]
    /// Artifacts by name.
    public let artifacts: [RunArtifact]

    private let scalars: [String: Double]
    private let seriesByKey: [String: [(x: Double, value: Double)]]

    public init(
        runID: String, experiment: String, preset: String, seed: UInt64,
        parameters: ParameterSet, metrics: [MetricPoint], artifacts: [RunArtifact] = []
    ) {
        self.runID = runID
        self.experiment = experiment
        self.preset = preset
        self.seed = seed
        self.parameters = parameters
        let sorted = metrics.sorted(by: MetricPoint.canonicalOrder)
        self.metrics = sorted
        self.artifacts = artifacts
        var scalars = [String: Double]()
        var series = [String: [(x: Double, value: Double)]]()
        for point in sorted {
            if let x = point.x {
                series[point.key, default: []].append((x, point.value))
            } else {
                scalars[point.key] = point.value
            }
        }
        self.scalars = scalars
        self.seriesByKey = series
    }

    /// The scalar metric `key`, if recorded.
    public func scalar(_ key: String) -> Double? { scalars[key] }

    /// The series `key` as (x, value) pairs in ascending x (empty if not recorded).
    public func series(_ key: String) -> [(x: Double, value: Double)] { seriesByKey[key] ?? [] }

    /// The value of series `key` at abscissa `x`, if recorded.
    public func value(_ key: String, at x: Double) -> Double? {
        series(key).first { $0.x == x }?.value
    }

    /// Scalar keys starting with `prefix`, sorted.
    public func scalarKeys(prefix: String = "") -> [String] {
        scalars.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Series keys starting with `prefix`, sorted.
    public func seriesKeys(prefix: String = "") -> [String] {
        seriesByKey.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The artifact called `name`, if any.
    public func artifact(_ name: String) -> RunArtifact? { artifacts.first { $0.name == name } }
}

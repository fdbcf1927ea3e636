/// One recorded number: a scalar (`x == nil`) or one point of a series (`x` = the abscissa, such
/// as the step count K, the sample size n or the depth N).
///
/// Keys are dotted paths naming the configuration, e.g. `w2.vp-linear.pow1.uniform.eta0.5`.
/// Values may be NaN or ±∞; the store keeps them distinct from SQL NULL.
public struct MetricPoint: Sendable, Equatable, Hashable {
    /// Dotted key naming the quantity and its configuration.
    public let key: String
    /// Abscissa for a series point, `nil` for a scalar.
    public let x: Double?
    /// The recorded number.
    public let value: Double
    /// Named coordinates of the configuration (empty for keys built from plain text).
    public let coordinates: [MetricCoordinate]

    public init(_ key: String, x: Double? = nil, _ value: Double, coordinates: [MetricCoordinate] = []) {
        self.key = key
        self.x = x
        self.value = value
        self.coordinates = coordinates
    }

    /// A point of `key`, carrying its coordinates.
    public init(_ key: MetricKey, x: Double? = nil, _ value: Double) {
        self.init(key.text, x: x, value, coordinates: key.coordinates)
    }

    /// Canonical order: by key, scalars before series points, then by abscissa.
    public static func canonicalOrder(_ a: MetricPoint, _ b: MetricPoint) -> Bool {
        if a.key != b.key { return a.key < b.key }
        switch (a.x, b.x) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let xa?, let xb?): return xa < xb
        }
    }

    /// Two points are equal when their keys and bits are equal (NaN equals NaN here); the
    /// coordinates follow from the key.
    public static func == (a: MetricPoint, b: MetricPoint) -> Bool {
        a.key == b.key && a.x?.bitPattern == b.x?.bitPattern && a.value.bitPattern == b.value.bitPattern
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(x?.bitPattern)
        hasher.combine(value.bitPattern)
    }
}

/// A named text artifact attached to a run (e.g. a CSV of weights), stored in the database.
public struct RunArtifact: Sendable, Equatable {
    /// File-like name, unique within the run.
    public let name: String
    /// MIME type, e.g. `text/csv`.
    public let mediaType: String
    /// The text.
    public let content: String

    public init(name: String, mediaType: String, content: String) {
        self.name = name
        self.mediaType = mediaType
        self.content = content
    }
}

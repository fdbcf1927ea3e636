/// A metric's key together with its named coordinates, built by one rule for every experiment.
///
/// A key is a dotted path of segments: names (`w2`, `sup`, `err_mean`) and coordinates. A text
/// coordinate shows its value (`process = vp-linear` → `vp-linear`); a numeric one shows its
/// name and the number in ``format(_:)`` (`eta = 0.5` → `eta0.5`). So
/// `MetricKey("w2", .text("process", "vp-linear"), .number("eta", 0.5))` is the key
/// `w2.vp-linear.eta0.5` with the coordinates `{process: vp-linear, eta: 0.5}`, which the store
/// keeps in their own column so SQL filters and groups on them without parsing keys.
public struct MetricKey: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The dotted key.
    public let text: String
    /// The coordinates, in the order their segments appear.
    public let coordinates: [MetricCoordinate]

    /// One piece of a key.
    public enum Segment: Sendable, ExpressibleByStringLiteral {
        /// A fixed name (may itself contain dots, e.g. `sup.err_mean`).
        case name(String)
        /// A coordinate.
        case coordinate(MetricCoordinate)

        public init(stringLiteral value: String) { self = .name(value) }

        /// A text coordinate, shown as its value.
        public static func text(_ name: String, _ value: String) -> Segment {
            .coordinate(MetricCoordinate(name, .text(value)))
        }

        /// A numeric coordinate, shown as `name` followed by the number.
        public static func number(_ name: String, _ value: Double) -> Segment {
            .coordinate(MetricCoordinate(name, .number(value)))
        }

        /// An integer coordinate, shown as `name` followed by the integer.
        public static func integer(_ name: String, _ value: Int) -> Segment {
            .coordinate(MetricCoordinate(name, .number(Double(value))))
        }

        var label: String {
            switch self {
            case .name(let name): return name
            case .coordinate(let coordinate): return coordinate.label
            }
        }
    }

    /// The key made of `segments`.
    public init(_ segments: Segment...) { self.init(segments: segments) }

    /// The key made of `segments`.
    public init(segments: [Segment]) {
        text = segments.map(\.label).joined(separator: ".")
        coordinates = segments.compactMap {
            if case .coordinate(let coordinate) = $0 { return coordinate }
            return nil
        }
    }

    /// A key without coordinates.
    public init(stringLiteral value: String) {
        text = value
        coordinates = []
    }

    /// This key followed by more segments.
    public func appending(_ segments: Segment...) -> MetricKey {
        let extra = MetricKey(segments: segments)
        return MetricKey(text: text + "." + extra.text, coordinates: coordinates + extra.coordinates)
    }

    private init(text: String, coordinates: [MetricCoordinate]) {
        self.text = text
        self.coordinates = coordinates
    }

    public var description: String { text }

    /// The one number format of keys: integers without a fractional part (`4`, `-1`), other
    /// values in Swift's shortest round-trip form (`0.5`, `1e-05`).
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// A named coordinate of a metric point: `process = vp-linear`, `eta = 0.5`, `layer = 3`.
public struct MetricCoordinate: Sendable, Hashable {
    /// The coordinate's name (a SQL-friendly word: letters, digits, `_`).
    public let name: String
    /// Its value.
    public let value: CoordinateValue

    public init(_ name: String, _ value: CoordinateValue) {
        self.name = name
        self.value = value
    }

    /// How the coordinate appears in a key.
    var label: String {
        switch value {
        case .text(let text): return text
        case .number(let number): return name + MetricKey.format(number)
        }
    }
}

/// The value of a coordinate: a word or a number.
public enum CoordinateValue: Sendable, Hashable {
    case text(String)
    case number(Double)
}

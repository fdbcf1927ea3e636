import WorkbenchNumerics

/// One of the paper's claims, as a check the runner evaluates on a finished run.
public struct ClaimSpec: Sendable {
    /// Short identifier, e.g. `A4` or `E1-a`.
    public let id: String
    /// The claim in words.
    public let statement: String
    /// What the paper (or the spec) states, as shown in the report's "paper" column.
    public let paperValue: String
    /// The accepted interval for the measured value.
    public let expected: ExpectedInterval
    /// How the measured value is obtained from the recorded metrics.
    public let measure: ClaimMeasure
    /// Where the paper's statement applies; a run outside it gets `not-applicable`.
    public let conditions: [ClaimCondition]

    public init(
        _ id: String, statement: String, paperValue: String, expected: ExpectedInterval,
        measure: ClaimMeasure, appliesWhen conditions: [ClaimCondition] = []
    ) {
        self.id = id
        self.statement = statement
        self.paperValue = paperValue
        self.expected = expected
        self.measure = measure
        self.conditions = conditions
    }
}

/// A closed interval `[low, high]` (either end may be open-ended).
public struct ExpectedInterval: Sendable, Equatable {
    public let low: Double
    public let high: Double

    public init(low: Double = -.infinity, high: Double = .infinity) {
        self.low = low
        self.high = high
    }

    /// `[value − tolerance, value + tolerance]`.
    public static func around(_ value: Double, tolerance: Double) -> ExpectedInterval {
        ExpectedInterval(low: value - tolerance, high: value + tolerance)
    }

    /// `[low, high]`.
    public static func between(_ low: Double, _ high: Double) -> ExpectedInterval {
        ExpectedInterval(low: low, high: high)
    }

    /// `(−∞, high]`.
    public static func atMost(_ high: Double) -> ExpectedInterval { ExpectedInterval(high: high) }

    /// `[low, ∞)`.
    public static func atLeast(_ low: Double) -> ExpectedInterval { ExpectedInterval(low: low) }

    /// Whether `value` is inside (NaN never is).
    public func contains(_ value: Double) -> Bool { value >= low && value <= high }

    /// Whether the interval `[ciLow, ciHigh]` straddles one of the bounds, i.e. holds values both
    /// inside and outside this interval: the point estimate decides the verdict, but a verdict
    /// with a straddling confidence interval is marginal.
    public func isStraddled(by ciLow: Double, _ ciHigh: Double) -> Bool {
        guard ciLow <= ciHigh else { return false }
        let crossesLow = low.isFinite && ciLow < low && ciHigh >= low
        let crossesHigh = high.isFinite && ciLow <= high && ciHigh > high
        return crossesLow || crossesHigh
    }

    /// Text such as `[-1.12, -0.97]`, `≤ 4.5` or `≥ 0.8`.
    public var text: String {
        switch (low.isFinite, high.isFinite) {
        case (true, true): return "[\(ReportNumber.format(low)), \(ReportNumber.format(high))]"
        case (false, true): return "≤ \(ReportNumber.format(high))"
        case (true, false): return "≥ \(ReportNumber.format(low))"
        case (false, false): return "any"
        }
    }
}

/// How a claim's measured value is computed from a run's metrics.
public enum ClaimMeasure: Sendable {
    /// The scalar metric `key`.
    case metric(String)
    /// The least-squares slope of `log value` on `log x` for the series `key`, restricted to
    /// `xMin ≤ x ≤ xMax`; the 95 % confidence interval is recorded alongside.
    case logLogSlope(series: String, xMin: Double? = nil, xMax: Double? = nil)
    /// Computed by the experiment from the results; `nil` means not measurable in this run
    /// (e.g. its part was not selected), which gives the verdict `inconclusive`.
    case computed(@Sendable (RunResults) -> Measurement?)
}

/// A measured value with optional confidence interval and a note.
public struct Measurement: Sendable, Equatable {
    public let value: Double
    public let ciLow: Double?
    public let ciHigh: Double?
    /// Short explanation shown in reports (e.g. which configuration was worst).
    public let detail: String?

    public init(_ value: Double, ciLow: Double? = nil, ciHigh: Double? = nil, detail: String? = nil) {
        self.value = value
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.detail = detail
    }
}

extension Measurement {
    /// The slope of `fit` with its 95 % confidence interval (omitted when undefined, e.g. for a
    /// two-point fit).
    public init(fit: LinearFit, detail: String? = nil) {
        self.init(
            fit.slope, ciLow: fit.confidenceLow.isNaN ? nil : fit.confidenceLow,
            ciHigh: fit.confidenceHigh.isNaN ? nil : fit.confidenceHigh, detail: detail)
    }
}

/// Worst-case reductions for claim measures in which a NaN must win (Swift's `max`/`min` keep a
/// NaN only when it comes first, which would let a broken value pass a check).
extension Sequence where Element == Double {
    /// The largest element, or NaN if any element is NaN; `nil` when empty.
    public func maximumPropagatingNaN() -> Double? {
        var result: Double?
        for value in self {
            if value.isNaN { return .nan }
            result = Swift.max(result ?? value, value)
        }
        return result
    }

    /// The smallest element, or NaN if any element is NaN; `nil` when empty.
    public func minimumPropagatingNaN() -> Double? {
        var result: Double?
        for value in self {
            if value.isNaN { return .nan }
            result = Swift.min(result ?? value, value)
        }
        return result
    }
}

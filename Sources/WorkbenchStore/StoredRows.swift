/// A typed parameter as stored in `params`: numbers as SQL numbers (so `value > 0.05` compares
/// numerically), lists and words as text; `kind` is the declared type (`int`, `real`, `bool`,
/// `text`, `int[]`, `real[]`, `text[]`).
public struct StoredParameter: Sendable, Equatable {
    /// Parameter name.
    public let key: String
    /// The value in its SQL form.
    public let value: SQLValue
    /// Declared type (`int`, `real`, `bool`, `text`, `int[]`, `real[]`, `text[]`).
    public let kind: String

    public init(key: String, value: SQLValue, kind: String) {
        self.key = key
        self.value = value
        self.kind = kind
    }
}

/// A metric point as stored in `metrics`. NaN is stored as `value = NULL, special = 'nan'`;
/// ±∞ as the IEEE value with `special = 'inf'`/`'-inf'`, so neither is confused with NULL;
/// −0 as `0` with `special = '-0'` (SQLite would drop the sign). Reading back gives the same
/// bits for every value except NaN payloads, which come back as the canonical NaN.
public struct StoredMetric: Sendable, Equatable {
    /// Dotted metric key naming the configuration.
    public let key: String
    /// Abscissa of a series point, `nil` for a scalar.
    public let x: Double?
    /// The value (NaN and ±∞ allowed).
    public let value: Double

    public init(key: String, x: Double?, value: Double) {
        self.key = key
        self.x = x
        self.value = value
    }

    public static func == (a: StoredMetric, b: StoredMetric) -> Bool {
        a.key == b.key && a.x?.bitPattern == b.x?.bitPattern && a.value.bitPattern == b.value.bitPattern
    }
}

/// A claim verdict as stored in `checks`.
public struct StoredCheck: Sendable, Equatable {
    /// Claim id, e.g. `A4-ratio`.
    public let claim: String
    /// The claim in words.
    public let statement: String
    /// What the paper (or spec) states.
    public let paper: String
    /// The accepted interval as text (`[-1.12, -0.97]`, `≤ 4.5`).
    public let expected: String
    /// Lower end of the accepted interval (`nil` for −∞).
    public let expectedLow: Double?
    /// Upper end of the accepted interval (`nil` for +∞).
    public let expectedHigh: Double?
    /// Measured value (`nil` when not measured, or NaN).
    public let measured: Double?
    /// Lower end of the 95 % confidence interval of a fitted slope.
    public let ciLow: Double?
    /// Upper end of the 95 % confidence interval of a fitted slope.
    public let ciHigh: Double?
    /// How the value was measured (e.g. the worst configuration).
    public let detail: String?
    /// `pass`, `fail` or `inconclusive`.
    public let verdict: String

    public init(
        claim: String, statement: String, paper: String, expected: String, expectedLow: Double?,
        expectedHigh: Double?, measured: Double?, ciLow: Double?, ciHigh: Double?, detail: String?,
        verdict: String
    ) {
        self.claim = claim
        self.statement = statement
        self.paper = paper
        self.expected = expected
        self.expectedLow = expectedLow
        self.expectedHigh = expectedHigh
        self.measured = measured
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.detail = detail
        self.verdict = verdict
    }
}

/// A text artifact as stored in `artifacts`.
public struct StoredArtifact: Sendable, Equatable {
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

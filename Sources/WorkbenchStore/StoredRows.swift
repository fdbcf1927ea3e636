/// A typed parameter as stored in `params`: numbers as SQL numbers (so `value > 0.05` compares
/// numerically), lists and words as text; `kind` is the declared type (`int`, `real`, `bool`,
/// `text`, `int[]`, `real[]`, `text[]`).
public struct StoredParameter: Sendable, Equatable {
    public let key: String
    public let value: SQLValue
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
    public let key: String
    public let x: Double?
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
    public let claim: String
    public let statement: String
    public let paper: String
    public let expected: String
    public let expectedLow: Double?
    public let expectedHigh: Double?
    public let measured: Double?
    public let ciLow: Double?
    public let ciHigh: Double?
    public let detail: String?
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
    public let name: String
    public let mediaType: String
    public let content: String

    public init(name: String, mediaType: String, content: String) {
        self.name = name
        self.mediaType = mediaType
        self.content = content
    }
}

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
    /// The point's named coordinates as a JSON object with sorted keys (`{"eta":0.5}`), `nil`
    /// when it has none; stored in `metrics.coords`.
    public let coordinates: String?

    public init(key: String, x: Double?, value: Double, coordinates: String? = nil) {
        self.key = key
        self.x = x
        self.value = value
        self.coordinates = coordinates
    }

    public static func == (a: StoredMetric, b: StoredMetric) -> Bool {
        a.key == b.key && a.x?.bitPattern == b.x?.bitPattern && a.value.bitPattern == b.value.bitPattern
            && a.coordinates == b.coordinates
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
    /// How the value was measured (e.g. the worst configuration), or, for a verdict other than
    /// pass/fail, the reason.
    public let detail: String?
    /// The verdict.
    public let verdict: ClaimVerdict
    /// The confidence interval straddles a bound of the accepted interval.
    public let marginal: Bool
    /// The part whose metrics decide the claim.
    public let part: String?

    public init(
        claim: String, statement: String, paper: String, expected: String, expectedLow: Double?,
        expectedHigh: Double?, measured: Double?, ciLow: Double?, ciHigh: Double?, detail: String?,
        verdict: ClaimVerdict, marginal: Bool = false, part: String? = nil
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
        self.marginal = marginal
        self.part = part
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

/// A declared input a run read, as stored in `run_inputs`.
public struct StoredInput: Sendable, Equatable {
    /// The input's id in the experiment's declaration.
    public let input: String
    /// The file read.
    public let path: String
    /// SHA-256 of its bytes, lowercase hex.
    public let sha256: String
    /// Size in bytes.
    public let sizeBytes: Int

    public init(input: String, path: String, sha256: String, sizeBytes: Int) {
        self.input = input
        self.path = path
        self.sha256 = sha256
        self.sizeBytes = sizeBytes
    }
}

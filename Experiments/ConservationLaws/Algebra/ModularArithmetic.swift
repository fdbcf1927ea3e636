/// Exact arithmetic in the field `ℤ/pℤ` for the Mersenne prime `p = 2⁶¹ − 1`.
///
/// Elements are the canonical representatives `0 ≤ a < p` stored in `UInt64`. A product
/// `a·b < 2¹²²` is formed with `multipliedFullWidth`; since `2⁶¹ ≡ 1 (mod p)`, the 122-bit value
/// `hi·2⁶⁴ + lo` reduces to `(hi·2³ + lo >> 61) + (lo & p)`, which is `< 2p`, so one conditional
/// subtraction finishes. Ranks computed here are ranks over `𝔽_p`; for integer matrices they equal
/// the rational rank unless `p` divides every maximal nonzero minor (probability about `1/p` for
/// values drawn at random — the Schwartz–Zippel argument of the count part).
public struct ModularArithmetic: EvaluationArithmetic {
    /// `p = 2⁶¹ − 1`.
    public static let prime: UInt64 = (1 << 61) - 1
    public init() {}
    public var zero: UInt64 { 0 }

    /// `value mod p` in `[0, p)`, for any signed integer.
    @inline(__always) public func element(_ value: Int64) -> UInt64 {
        let p = Self.prime
        if value >= 0 { return UInt64(value) % p }
        let magnitude = value.magnitude % p
        return magnitude == 0 ? 0 : p - magnitude
    }

    @inline(__always) public func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sum = a &+ b
        return sum >= Self.prime ? sum &- Self.prime : sum
    }

    @inline(__always) public func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a >= b ? a &- b : a &+ Self.prime &- b
    }

    @inline(__always) public func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        let p = Self.prime
        let folded = ((high &<< 3) | (low &>> 61)) &+ (low & p)
        return folded >= p ? folded &- p : folded
    }

    /// `−a mod p`.
    @inline(__always) public func negate(_ a: UInt64) -> UInt64 { a == 0 ? 0 : Self.prime &- a }

    /// `a^exponent mod p` by square and multiply.
    public func power(_ a: UInt64, _ exponent: UInt64) -> UInt64 {
        var result: UInt64 = 1
        var base = a
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            remaining >>= 1
        }
        return result
    }

    /// The inverse `a^{p−2}` (Fermat); `a` must be nonzero mod p.
    public func inverse(_ a: UInt64) -> UInt64 { power(a, Self.prime - 2) }
}

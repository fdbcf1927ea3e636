/// Blackman–Vigna xoshiro256**: a fast 256-bit-state generator with period 2²⁵⁶ − 1.
///
/// Every recorded random quantity in the workbench comes from one of these, so results depend
/// only on the seed. Never share one generator between concurrent tasks: derive one per task with
/// ``RandomStream``.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator with the given raw state, which must not be all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// A generator whose state is four consecutive SplitMix64 outputs from `seed`.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        self.init(state: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
    }

    @inlinable @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x &<< k) | (x &>> (64 &- k)) }

    /// The next 64-bit output: `rotl(s1·5, 7)·9`, then the xoshiro linear state update.
    /// (Inlinable: it is the innermost call of every random draw.)
    @inlinable
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }
}

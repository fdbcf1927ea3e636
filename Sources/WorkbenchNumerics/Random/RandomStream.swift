/// Derivation of independent, reproducible generator streams from a master seed and a task path.
///
/// A stream is identified by the run's seed plus a list of labels and indices, e.g.
/// `("moments", hIndex, nIndex, rep)`. Each component is folded into a 64-bit key with
/// SplitMix64 finalisation, so nearby paths give unrelated states. The mapping is part of the
/// reproducibility contract: changing it changes every recorded random result.
public enum RandomStream {
    /// A generator for `(seed, path…)`; text labels are hashed with FNV-1a.
    public static func generator(seed: UInt64, _ path: RandomStreamKey...) -> Xoshiro256StarStar {
        generator(seed: seed, path: path)
    }

    /// A generator for `(seed, path)`.
    public static func generator(seed: UInt64, path: [RandomStreamKey]) -> Xoshiro256StarStar {
        var key = seed
        for component in path {
            var mixer = SplitMix64(seed: key ^ component.bits)
            key = mixer.next()
        }
        return Xoshiro256StarStar(seed: key)
    }
}

/// One component of a stream path: an integer index or a text label.
public enum RandomStreamKey: Sendable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case index(UInt64)
    case label(String)

    public init(integerLiteral value: Int) { self = .index(UInt64(bitPattern: Int64(value))) }
    public init(stringLiteral value: String) { self = .label(value) }

    /// A stream key for an `Int` index (negative values are taken by bit pattern).
    public static func of(_ value: Int) -> RandomStreamKey { .index(UInt64(bitPattern: Int64(value))) }

    var bits: UInt64 {
        switch self {
        case .index(let value):
            return value &* 0x9E37_79B9_7F4A_7C15 &+ 1
        case .label(let text):
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }
}

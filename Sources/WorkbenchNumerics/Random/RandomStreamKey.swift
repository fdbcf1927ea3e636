/// One component of a stream path: an integer index or a text label.
public enum RandomStreamKey: Sendable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    case index(UInt64)
    case label(String)

    public init(integerLiteral value: Int) { self = .index(UInt64(bitPattern: Int64(value))) }
    public init(stringLiteral value: String) { self = .label(value) }

    /// A stream key for an `Int` index (negative values are taken by bit pattern).
    public static func of(_ value: Int) -> RandomStreamKey { .index(UInt64(bitPattern: Int64(value))) }

    /// The 64-bit word folded into the stream key: `index·φ₆₄ + 1` (mod 2⁶⁴, with `φ₆₄` the
    /// golden-ratio constant `0x9E3779B97F4A7C15`) for an index, 64-bit FNV-1a of the UTF-8 bytes
    /// for a label.
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

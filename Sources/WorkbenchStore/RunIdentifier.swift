/// Random 128-bit run identifiers as 32 lowercase hex digits. Random (not sequential) so that
/// databases from different machines can be merged without collisions.
public enum RunIdentifier {
    /// A fresh identifier from the system's cryptographic generator.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex(high) + hex(low)
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

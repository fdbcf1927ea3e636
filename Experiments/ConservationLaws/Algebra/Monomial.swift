/// A monomial `Π_v x_v^{e_v}` as a sorted multiset of variable indices, packed in two words.
///
/// Each of the 14 slots holds 9 bits: `index + 1` (0 marks an empty slot), so variables
/// `0 ≤ v < 511` and total degree `≤ 14`. Slots are filled in ascending order from slot 0
/// (bits `9i` of `low` for `i < 7`, then `high`). Equal monomials have equal words, so hashing
/// and ordering are word comparisons.
public struct Monomial: Hashable, Comparable, Sendable {
    /// Largest total degree a monomial can hold.
    public static let maximumDegree = 14
    /// Number of variables a monomial can index.
    public static let maximumVariables = 511
    private static let slotsPerWord = 7
    private static let slotMask: UInt64 = 0x1FF

    var low: UInt64
    var high: UInt64

    /// The constant monomial `1`.
    public static let one = Monomial(low: 0, high: 0)

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The monomial with the given variable indices (with repetitions, any order).
    ///
    /// - Throws: ``PolynomialError/degreeTooHigh(_:)`` or ``PolynomialError/variableOutOfRange(_:)``.
    public init(variables: [Int]) throws(PolynomialError) {
        guard variables.count <= Self.maximumDegree else { throw .degreeTooHigh(variables.count) }
        var builder = Monomial.one
        for (slot, variable) in variables.sorted().enumerated() {
            guard variable >= 0, variable < Self.maximumVariables else { throw .variableOutOfRange(variable) }
            builder.setSlot(slot, UInt64(variable + 1))
        }
        self = builder
    }

    @inline(__always) func slot(_ index: Int) -> UInt64 {
        index < Self.slotsPerWord
            ? (low &>> UInt64(9 * index)) & Self.slotMask
            : (high &>> UInt64(9 * (index - Self.slotsPerWord))) & Self.slotMask
    }

    @inline(__always) mutating func setSlot(_ index: Int, _ value: UInt64) {
        if index < Self.slotsPerWord {
            low |= value &<< UInt64(9 * index)
        } else {
            high |= value &<< UInt64(9 * (index - Self.slotsPerWord))
        }
    }

    /// Total degree `Σ e_v`.
    public var degree: Int {
        var count = 0
        while count < Self.maximumDegree, slot(count) != 0 { count += 1 }
        return count
    }

    /// The variable indices in ascending order, with repetitions.
    public var variables: [Int] { (0..<degree).map { Int(slot($0)) - 1 } }

    /// The product (union of the multisets).
    ///
    /// - Throws: ``PolynomialError/degreeTooHigh(_:)`` when the degrees add up to more than 14.
    public func multiplied(by other: Monomial) throws(PolynomialError) -> Monomial {
        let total = degree + other.degree
        guard total <= Self.maximumDegree else { throw .degreeTooHigh(total) }
        var result = Monomial.one
        var i = 0
        var j = 0
        for position in 0..<total {
            let a = slot(i)
            let b = other.slot(j)
            if b == 0 || (a != 0 && a <= b) {
                result.setSlot(position, a)
                i += 1
            } else {
                result.setSlot(position, b)
                j += 1
            }
        }
        return result
    }

    /// `∂m/∂x_v = e_v · x^{e − 1_v}`: the exponent `e_v` and the monomial with one `v` removed
    /// (`nil` when `v` does not occur).
    public func derivative(_ variable: Int) -> (exponent: Int64, monomial: Monomial)? {
        let target = UInt64(variable + 1)
        var result = Monomial.one
        var exponent: Int64 = 0
        var position = 0
        for index in 0..<degree {
            let value = slot(index)
            if value == target {
                exponent += 1
                if exponent == 1 { continue }
            }
            result.setSlot(position, value)
            position += 1
        }
        return exponent == 0 ? nil : (exponent, result)
    }

    /// Ordering by the packed words (a total order; used only to keep terms sorted).
    public static func < (a: Monomial, b: Monomial) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }
}

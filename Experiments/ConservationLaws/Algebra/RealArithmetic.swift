/// Floating-point evaluation in `Double` (IEEE-754 round to nearest).
public struct RealArithmetic: EvaluationArithmetic {
    public init() {}
    public var zero: Double { 0 }
    @inline(__always) public func element(_ value: Int64) -> Double { Double(value) }
    @inline(__always) public func add(_ a: Double, _ b: Double) -> Double { a + b }
    @inline(__always) public func subtract(_ a: Double, _ b: Double) -> Double { a - b }
    @inline(__always) public func multiply(_ a: Double, _ b: Double) -> Double { a * b }
}

/// A commutative ring in which polynomials are evaluated: the integers modulo a prime for exact
/// ranks, `Double` for the floating-point cross-check (and dual numbers in the tests).
///
/// Integer coefficients enter through ``element(_:)``, the unique ring map `ℤ → R`.
public protocol EvaluationArithmetic: Sendable {
    associatedtype Element: Sendable
    /// The additive identity.
    var zero: Element { get }
    /// The image of the integer `value`.
    func element(_ value: Int64) -> Element
    /// `a + b`.
    func add(_ a: Element, _ b: Element) -> Element
    /// `a − b`.
    func subtract(_ a: Element, _ b: Element) -> Element
    /// `a · b`.
    func multiply(_ a: Element, _ b: Element) -> Element
}

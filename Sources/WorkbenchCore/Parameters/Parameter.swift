/// A Swift type that a parameter can hold: `Int`, `Double`, `Bool`, `String` and lists of them.
///
/// Conformers map themselves to and from the untyped ``ParameterValue`` that the command line,
/// presets, the `params` table and the configuration hash use.
public protocol ParameterValueConvertible: Sendable, Equatable {
    /// The declared kind of a parameter holding this type.
    static var parameterKind: ParameterKind { get }
    /// The untyped value.
    var parameterValue: ParameterValue { get }
    /// The typed value of `value`, or `nil` when its kind differs (an `int` widens to a real).
    init?(parameterValue value: ParameterValue)
}

/// Anything that declares a parameter: the typed ``Parameter`` and the untyped ``ParameterSpec``.
public protocol ParameterDeclaration: Sendable {
    /// The untyped declaration (key, kind, default, doc, constraint).
    var spec: ParameterSpec { get }
}

extension ParameterSpec: ParameterDeclaration {
    public var spec: ParameterSpec { self }
}

/// A typed parameter declaration that is also its accessor.
///
/// An experiment declares each parameter once, as a static value, and reads it through the run
/// context (`context[Self.eps]`), so a misspelt name is a compile error and the type is the
/// declared one. The key, default, documentation and constraint are those of ``spec``; the
/// command line, presets and the stored `params` rows see exactly what an untyped
/// ``ParameterSpec`` would give.
public struct Parameter<Value: ParameterValueConvertible>: ParameterDeclaration {
    /// The untyped declaration.
    public let spec: ParameterSpec

    /// Declares `key` with `defaultValue`.
    public init(
        _ key: String, default defaultValue: Value, doc: String, constraint: ParameterConstraint = .any
    ) {
        spec = ParameterSpec(key, defaultValue.parameterValue, doc: doc, constraint: constraint)
    }

    /// The `key` in `key=value`.
    public var key: String { spec.key }
    /// The declared default.
    public var defaultValue: Value { Value(parameterValue: spec.defaultValue) ?? Self.unreachableDefault() }

    /// A preset's setting of this parameter: `Preset("paper", summary: …, [Self.dimension.set(64)])`.
    public func set(_ value: Value) -> PresetSetting { PresetSetting(key: key, value: value.parameterValue) }

    private static func unreachableDefault() -> Value {
        preconditionFailure("a Parameter's default is built from its own type")
    }
}

extension ParameterSet {
    /// The value of the typed parameter `parameter`.
    ///
    /// A parameter set resolved for an experiment holds every parameter it declares (the
    /// conformance kit checks that every part's parameters are declared); a parameter missing from
    /// the set reads as its declared default.
    public subscript<Value>(_ parameter: Parameter<Value>) -> Value {
        values[parameter.key].flatMap(Value.init(parameterValue:)) ?? parameter.defaultValue
    }
}

extension Int: ParameterValueConvertible {
    public static var parameterKind: ParameterKind { .int }
    public var parameterValue: ParameterValue { .int(self) }
    public init?(parameterValue value: ParameterValue) {
        guard case .int(let v) = value else { return nil }
        self = v
    }
}

extension Double: ParameterValueConvertible {
    public static var parameterKind: ParameterKind { .real }
    public var parameterValue: ParameterValue { .real(self) }
    public init?(parameterValue value: ParameterValue) {
        switch value {
        case .real(let v): self = v
        case .int(let v): self = Double(v)
        default: return nil
        }
    }
}

extension Bool: ParameterValueConvertible {
    public static var parameterKind: ParameterKind { .bool }
    public var parameterValue: ParameterValue { .bool(self) }
    public init?(parameterValue value: ParameterValue) {
        guard case .bool(let v) = value else { return nil }
        self = v
    }
}

extension String: ParameterValueConvertible {
    public static var parameterKind: ParameterKind { .text }
    public var parameterValue: ParameterValue { .text(self) }
    public init?(parameterValue value: ParameterValue) {
        guard case .text(let v) = value else { return nil }
        self = v
    }
}

extension Array: ParameterValueConvertible where Element: ParameterListElement {
    public static var parameterKind: ParameterKind { Element.listKind }
    public var parameterValue: ParameterValue { Element.listValue(self) }
    public init?(parameterValue value: ParameterValue) {
        guard let list = Element.list(from: value) else { return nil }
        self = list
    }
}

/// An element type of a list parameter: `Int`, `Double` or `String`.
public protocol ParameterListElement: Sendable, Equatable {
    /// The list kind (`int[]`, `real[]`, `text[]`).
    static var listKind: ParameterKind { get }
    /// The untyped list.
    static func listValue(_ list: [Self]) -> ParameterValue
    /// The typed list of `value`, or `nil` when its kind differs (`int[]` widens to `real[]`).
    static func list(from value: ParameterValue) -> [Self]?
}

extension Int: ParameterListElement {
    public static var listKind: ParameterKind { .intList }
    public static func listValue(_ list: [Int]) -> ParameterValue { .intList(list) }
    public static func list(from value: ParameterValue) -> [Int]? {
        guard case .intList(let v) = value else { return nil }
        return v
    }
}

extension Double: ParameterListElement {
    public static var listKind: ParameterKind { .realList }
    public static func listValue(_ list: [Double]) -> ParameterValue { .realList(list) }
    public static func list(from value: ParameterValue) -> [Double]? {
        switch value {
        case .realList(let v): return v
        case .intList(let v): return v.map(Double.init)
        default: return nil
        }
    }
}

extension String: ParameterListElement {
    public static var listKind: ParameterKind { .textList }
    public static func listValue(_ list: [String]) -> ParameterValue { .textList(list) }
    public static func list(from value: ParameterValue) -> [String]? {
        guard case .textList(let v) = value else { return nil }
        return v
    }
}

/// One tick of a plot axis, at a position in the axis's transformed coordinate
/// (`log10(value)` on log axes, the value itself on linear axes).
struct AxisTick: Equatable {
    /// Position in transformed coordinates.
    let position: Double
    /// Label text; `nil` for unlabelled ticks (minor ticks, thinned decades).
    let label: String?
    /// Major ticks are longer and get a grid line.
    let isMajor: Bool
}

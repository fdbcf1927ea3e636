import Foundation

/// One axis of an ``SVGPlot``: its scale, its range and its ticks.
///
/// Coordinates are *transformed*: `log10(value)` on a log axis, the value itself on a linear one.
/// The range covers every plottable value (finite, and positive on a log axis) with a small
/// margin. Degenerate ranges are padded: a single value or all-equal values get half a decade
/// either side on a log axis and 10 % of the value (or 1 when it is 0) on a linear one; an axis
/// with nothing to plot shows `[1, 10]` (log) or `[0, 1]` (linear).
struct PlotAxis {
    /// Whether the axis is logarithmic or linear.
    let scale: ReportFigure.Scale
    /// Lower end of the range, transformed.
    let lower: Double
    /// Upper end of the range, transformed (always greater than `lower`).
    let upper: Double
    /// Major and minor ticks in ascending position.
    let ticks: [AxisTick]

    /// An axis for `values` drawn over `length` pixels, with tick labels no closer than their
    /// extent (`labelExtent` returns a label's size along the axis) plus a gap. Linear axes aim
    /// at one tick per `tickSpacing` pixels.
    init(
        values: [Double], scale: ReportFigure.Scale, length: Double, tickSpacing: Double,
        labelExtent: (String) -> Double
    ) {
        self.scale = scale
        let transformed = values.compactMap { Self.transform($0, scale: scale) }
        switch scale {
        case .log:
            let range = Self.logRange(transformed)
            (lower, upper) = range
            ticks = Self.logTicks(
                lower: range.lower, upper: range.upper, length: length, labelExtent: labelExtent)
        case .linear:
            let range = Self.linearRange(transformed)
            (lower, upper) = range
            ticks = Self.linearTicks(
                lower: range.lower, upper: range.upper, length: length, tickSpacing: tickSpacing,
                labelExtent: labelExtent)
        }
    }

    /// The transformed coordinate of `value`, or `nil` when it cannot be plotted on this scale
    /// (non-finite, or not positive on a log axis).
    static func transform(_ value: Double, scale: ReportFigure.Scale) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear: return value
        case .log: return value > 0 ? log10(value) : nil
        }
    }

    /// Where `value` lies along the axis, 0 at `lower` and 1 at `upper`; `nil` when it cannot be
    /// plotted.
    func fraction(of value: Double) -> Double? {
        guard let position = Self.transform(value, scale: scale) else { return nil }
        return fraction(ofPosition: position)
    }

    /// Where the transformed `position` lies along the axis (halves avoid overflow on huge ranges).
    func fraction(ofPosition position: Double) -> Double? {
        let result = (position / 2 - lower / 2) / (upper / 2 - lower / 2)
        return result.isFinite ? result : nil
    }
}

import WorkbenchCore
import WorkbenchNumerics

/// The spec's slope fit (§5.3): ordinary least squares of `log error` on `log N` over
/// `N ≥ minimumX`, skipping values `≤ 1e−14` (the float64 floor, where the error is round-off).
enum SlopeFit {
    /// Values at or below this are round-off and left out of fits.
    static let floor = 1e-14

    /// The fit, or `nil` with fewer than two usable points. The points are sorted by `x` first, so
    /// the result does not depend on the order they were recorded in.
    static func fit(_ points: [(x: Double, value: Double)], minimumX: Double, maximumX: Double = .infinity)
        -> LinearFit?
    {
        let usable = points.filter { $0.x >= minimumX && $0.x <= maximumX && $0.value > floor && $0.value.isFinite }
            .sorted { $0.x < $1.x }
        guard usable.count >= 2 else { return nil }
        return LinearFit.powerLaw(x: usable.map(\.x), y: usable.map(\.value))
    }

    /// The series among `points` (those with an abscissa), grouped by key.
    static func seriesByKey(_ points: [MetricPoint]) -> [String: [(x: Double, value: Double)]] {
        var series = [String: [(x: Double, value: Double)]]()
        for point in points {
            guard let x = point.x else { continue }
            series[point.key, default: []].append((x, point.value))
        }
        return series
    }
}

import Foundation

extension PlotAxis {
    /// Decades spanned above which minor ticks (2…9 × 10^k) are left out as too dense.
    static let maximumDecadesWithMinorTicks = 8.0

    /// The range of a log axis in decades: the data with a 4 % margin. When that holds fewer
    /// than two decade ticks, the range instead runs from the largest 1, 2 or 5 × 10ᵏ at or below
    /// the smallest value to the smallest one at or above the largest (with a 2 % margin), so both
    /// ends carry a labelled tick and the axis stays close to the data (0.25…3 gives 0.2…5, not
    /// 10⁻¹…10¹).
    static func logRange(_ positions: [Double]) -> (lower: Double, upper: Double) {
        guard var low = positions.min(), var high = positions.max() else { return (0, 1) }
        if high - low < 1e-9 {
            low -= 0.5
            high += 0.5
        }
        let margin = 0.04 * (high - low)
        var lower = low - margin
        var upper = high + margin
        let decades = Int((upper + 1e-9).rounded(.down)) - Int((lower - 1e-9).rounded(.up)) + 1
        if decades < 2 {
            lower = niceStep(atOrBelow: low)
            upper = max(niceStep(atOrAbove: high), lower + log10(2))
            let wideMargin = 0.02 * (upper - lower)
            lower -= wideMargin
            upper += wideMargin
        }
        return (lower, upper)
    }

    /// log10 of the largest 1, 2 or 5 × 10ᵏ whose log is at most `position` (+ rounding slack).
    static func niceStep(atOrBelow position: Double) -> Double {
        let decade = (position + 1e-9).rounded(.down)
        let candidates = [1.0, 2, 5].map { decade + log10($0) }
        return candidates.last { $0 <= position + 1e-9 } ?? decade
    }

    /// log10 of the smallest 1, 2 or 5 × 10ᵏ whose log is at least `position` (− rounding slack).
    static func niceStep(atOrAbove position: Double) -> Double {
        let decade = (position - 1e-9).rounded(.down)
        let candidates = [1.0, 2, 5, 10].map { decade + log10($0) }
        return candidates.first { $0 >= position - 1e-9 } ?? decade + 1
    }

    /// A major tick at every decade inside the range, labelled `10ᵏ` (when labels would collide,
    /// only every second, third, fifth … decade, counted from the first one in range so the
    /// lowest decade is always labelled), plus minor ticks at 2…9 × 10^k when the range
    /// spans at most ``maximumDecadesWithMinorTicks`` decades.
    static func logTicks(
        lower: Double, upper: Double, length: Double, labelExtent: (String) -> Double
    ) -> [AxisTick] {
        let first = Int((lower - 1e-9).rounded(.up))
        let last = Int((upper + 1e-9).rounded(.down))
        let decades = first <= last ? Array(first...last) : []
        let widest = decades.map { labelExtent(decadeLabel($0)) }.max() ?? 0
        let pixelsPerDecade = length / (upper - lower)
        let labelEvery = thinningStep(spacing: pixelsPerDecade, needed: widest + 8)

        var ticks = [AxisTick]()
        let withMinorTicks = upper - lower <= maximumDecadesWithMinorTicks
        let firstMinorDecade = Int(lower.rounded(.down))
        for decade in min(firstMinorDecade, first)...max(last, firstMinorDecade) {
            if decade >= first && decade <= last {
                let label = (decade - first) % labelEvery == 0 ? decadeLabel(decade) : nil
                ticks.append(AxisTick(position: Double(decade), label: label, isMajor: true))
            }
            guard withMinorTicks else { continue }
            for multiple in 2...9 {
                let position = Double(decade) + log10(Double(multiple))
                if position >= lower && position <= upper {
                    ticks.append(AxisTick(position: position, label: nil, isMajor: false))
                }
            }
        }
        let withMinorLabels = labelledMinorTicks(ticks, pixelsPerDecade: pixelsPerDecade, labelExtent: labelExtent)
        return labelledEnds(
            withMinorLabels, lower: lower, upper: upper, pixelsPerDecade: pixelsPerDecade, labelExtent: labelExtent)
    }

    /// `ticks` with one more label at each end of the axis that runs more than 0.3 decade past
    /// its outermost label: the outermost of the 2 × 10ᵏ and 5 × 10ᵏ ticks inside the axis
    /// (2× below the first label, 5× above the last; the other one when that one is outside the
    /// axis or its label would collide), in the `m×10ᵏ` form of decade labels — so the decade of
    /// the smallest value (e.g. 2×10⁻³ on an axis starting at 1.3×10⁻³) is named.
    static func labelledEnds(
        _ ticks: [AxisTick], lower: Double, upper: Double, pixelsPerDecade: Double,
        labelExtent: (String) -> Double
    ) -> [AxisTick] {
        let labelled = ticks.filter { $0.label != nil }.sorted { $0.position < $1.position }
        guard let first = labelled.first, let last = labelled.last,
            labelled.allSatisfy({ tick in tick.isMajor && tick.label?.contains { "⁰¹²³⁴⁵⁶⁷⁸⁹".contains($0) } == true })
        else { return ticks }
        var result = ticks
        /// Labels the tick at `position` when it fits next to `neighbour`; returns the new tick.
        func label(at position: Double, multiple: Int, next neighbour: AxisTick) -> AxisTick? {
            guard position >= lower, position <= upper,
                let index = result.firstIndex(where: { abs($0.position - position) < 1e-9 })
            else { return nil }
            let decade = Int((position + 1e-9).rounded(.down))
            let text = "\(multiple)×" + decadeLabel(decade)
            let needed = (labelExtent(text) + labelExtent(neighbour.label ?? "")) / 2 + 6
            guard abs(neighbour.position - position) * pixelsPerDecade >= needed else { return nil }
            result[index] = AxisTick(position: position, label: text, isMajor: false)
            return result[index]
        }
        if first.position - lower > 0.3 {
            if label(at: first.position - 1 + log10(2.0), multiple: 2, next: first) == nil {
                _ = label(at: first.position - 1 + log10(5.0), multiple: 5, next: first)
            }
        }
        if upper - last.position > 0.3 {
            if label(at: last.position + log10(5.0), multiple: 5, next: last) == nil {
                _ = label(at: last.position + log10(2.0), multiple: 2, next: last)
            }
        }
        return result
    }

    /// On axes with fewer than three decade labels, `ticks` with the minor ticks at 2 × 10ᵏ and
    /// 5 × 10ᵏ labelled too, unless the labels would collide; otherwise `ticks` unchanged. All
    /// labels of an axis share one form: plain digits when every labelled tick lies in
    /// 0.01 … 5000 (`0.05`, `1`, `2000`), otherwise `10ᵏ` and `m×10ᵏ`.
    static func labelledMinorTicks(
        _ ticks: [AxisTick], pixelsPerDecade: Double, labelExtent: (String) -> Double
    ) -> [AxisTick] {
        guard ticks.filter({ $0.label != nil }).count < 3 else { return ticks }
        func multiple(of tick: AxisTick) -> Int {
            Int((pow(10, tick.position - tick.position.rounded(.down))).rounded())
        }
        let labelled = ticks.filter { tick in
            tick.isMajor ? tick.label != nil : [2, 5].contains(multiple(of: tick))
        }
        let plain = labelled.allSatisfy { (-2...3).contains(Int(($0.position + 1e-9).rounded(.down))) }
        let candidate = ticks.map { tick -> AxisTick in
            let decade = Int((tick.position + 1e-9).rounded(.down))
            guard !tick.isMajor else {
                guard tick.label != nil, plain else { return tick }
                return AxisTick(position: tick.position, label: minorLabel(1, decade: decade), isMajor: true)
            }
            let factor = multiple(of: tick)
            guard factor == 2 || factor == 5 else { return tick }
            let label = plain ? minorLabel(factor, decade: decade) : "\(factor)×" + decadeLabel(decade)
            return AxisTick(position: tick.position, label: label, isMajor: false)
        }
        let sorted = candidate.filter { $0.label != nil }.sorted { $0.position < $1.position }
        for (first, second) in zip(sorted, sorted.dropFirst()) {
            let needed = (labelExtent(first.label ?? "") + labelExtent(second.label ?? "")) / 2 + 6
            if (second.position - first.position) * pixelsPerDecade < needed { return ticks }
        }
        return candidate
    }

    /// `multiple × 10^decade` as plain digits for decades −2…3 (`0.05`, `2`, `5000`), otherwise
    /// as `m×10ᵏ`.
    static func minorLabel(_ multiple: Int, decade: Int) -> String {
        switch decade {
        case 0...3: return String(multiple) + String(repeating: "0", count: decade)
        case -2 ... -1: return "0." + String(repeating: "0", count: -decade - 1) + String(multiple)
        default: return "\(multiple)×" + decadeLabel(decade)
        }
    }

    /// `10` with the exponent in superscript digits, e.g. `10⁻³`, `10⁰`, `10¹²`.
    static func decadeLabel(_ exponent: Int) -> String {
        "10" + superscript(exponent)
    }

    /// `exponent` written with Unicode superscript characters.
    static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let sign = exponent < 0 ? "⁻" : ""
        return sign
            + String(exponent.magnitude).compactMap { character in
                character.wholeNumberValue.map { digits[$0] }
            }
    }

    /// The smallest of 1, 2, 3, 5, 10, 20, 30, 50, … such that labels `step` units apart are at
    /// least `needed` pixels apart when one unit is `spacing` pixels.
    static func thinningStep(spacing: Double, needed: Double) -> Int {
        guard spacing > 0, spacing.isFinite else { return 1 }
        var scale = 1
        while scale < 1_000_000 {
            for factor in [1, 2, 3, 5] where Double(factor * scale) * spacing >= needed {
                return factor * scale
            }
            scale *= 10
        }
        return scale
    }
}

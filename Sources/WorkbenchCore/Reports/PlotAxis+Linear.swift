import Foundation

extension PlotAxis {
    /// The range of a linear axis: the data with a 5 % margin (clamped to finite doubles).
    static func linearRange(_ values: [Double]) -> (lower: Double, upper: Double) {
        guard var low = values.min(), var high = values.max() else { return (0, 1) }
        if high == low || !((high / 2 - low / 2) > 0) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let halfSpan = high / 2 - low / 2
        let lower = max(low - 0.1 * halfSpan, -Double.greatestFiniteMagnitude)
        let upper = min(high + 0.1 * halfSpan, Double.greatestFiniteMagnitude)
        return (lower, upper)
    }

    /// Labelled ticks at multiples of a "nice" step (1, 2 or 5 × 10^k) aiming at about one tick
    /// per `tickSpacing` pixels, made coarser until labels no longer collide.
    static func linearTicks(
        lower: Double, upper: Double, length: Double, tickSpacing: Double,
        labelExtent: (String) -> Double
    ) -> [AxisTick] {
        let halfSpan = upper / 2 - lower / 2
        let target = max(2, (length / tickSpacing).rounded(.down))
        var step = niceStep(atLeast: 2 * halfSpan / target)
        for _ in 0..<12 {
            guard step.isFinite, step > 0 else { return [] }
            let values = multiples(of: step, from: lower, to: upper)
            let largest = max(abs(lower), abs(upper))
            let labels = values.map { tickLabel($0, step: step, largest: largest) }
            let widest = labels.map(labelExtent).max() ?? 0
            let spacing = step / (2 * halfSpan) * length
            if spacing >= widest + 8 || values.count <= 2 {
                return zip(values, labels).map { value, label in
                    AxisTick(position: value, label: label, isMajor: true)
                }
            }
            step = niceStep(atLeast: step * 1.5)
        }
        return []
    }

    /// The smallest 1, 2 or 5 × 10^k that is at least `raw`.
    static func niceStep(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return .nan }
        let exponent = log10(raw).rounded(.down)
        let power = pow(10, exponent)
        for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * (1 - 1e-12) {
            return multiple * power
        }
        return 10 * power
    }

    /// `k × step` for every integer `k` with the result inside `[lower, upper]` (at most 200).
    static func multiples(of step: Double, from lower: Double, to upper: Double) -> [Double] {
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, last >= first, last - first <= 200 else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step + 0 }  // + 0 turns -0 into 0
    }

    /// A tick value printed with as many decimals as the step needs (`0.05`, `0.10`, `1500`);
    /// `m×10ⁿ` on axes reaching a million (`largest` is the largest magnitude on the axis) or with
    /// steps below 10⁻⁴.
    static func tickLabel(_ value: Double, step: Double, largest: Double) -> String {
        let stepExponent = Int((log10(step) + 1e-9).rounded(.down))
        if largest >= 1e6 || stepExponent <= -5 {
            if value == 0 { return "0" }
            let magnitude = Int(log10(abs(value)).rounded(.down))
            let digits = max(1, magnitude - stepExponent + 1)
            return scientific(ReportNumber.format(value, digits: digits))
        }
        return String(format: "%.\(max(0, -stepExponent))f", value)
    }

    /// `%g` text such as `2.5e+06` rewritten as `2.5×10⁶`; other text unchanged.
    static func scientific(_ text: String) -> String {
        guard let split = text.firstIndex(of: "e"),
            let exponent = Int(text[text.index(after: split)...].replacingOccurrences(of: "+", with: ""))
        else { return text }
        return text[..<split] + "×10" + superscript(exponent)
    }
}

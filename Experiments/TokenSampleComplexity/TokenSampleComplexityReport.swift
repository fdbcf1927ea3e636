import Foundation
import WorkbenchCore

/// The experiment-specific report body: rate tables and figures, computed from a run's
/// recorded metrics only (pure, so reports are reproducible byte for byte).
struct TokenSampleComplexityReport {
    typealias Experiment = TokenSampleComplexityExperiment
    let results: RunResults

    var content: ReportContent {
        var content = ReportContent()
        uniformSection(&content)
        momentsSection(&content)
        hardmaxSection(&content)
        return content
    }

    func number(_ value: Double?, digits: Int = 4) -> ReportCell {
        guard let value else { return .empty }
        return .number(value, digits: digits)
    }

    /// Points of a fitted power law `e^{intercept}·n^{slope}` at the ends of `xs`.
    func powerLine(_ xs: [Double], slope: Double?, intercept: Double?) -> [(x: Double, y: Double)] {
        guard let slope, let intercept, let first = xs.first, let last = xs.last,
            slope.isFinite, intercept.isFinite
        else { return [] }
        return [first, last].map { ($0, exp(intercept) * pow($0, slope)) }
    }

    func intervalText(_ low: Double?, _ high: Double?) -> String {
        guard let low, let high, low.isFinite, high.isFinite else { return "" }
        return "[\(ReportNumber.format(low)), \(ReportNumber.format(high))]"
    }
}

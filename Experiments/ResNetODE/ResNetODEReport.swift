import Foundation
import WorkbenchCore

/// The experiment-specific report: per part, tables of the recorded series and log-log figures.
/// A pure function of the results.
struct ResNetODEReport {
    let results: RunResults

    private typealias Declared = ResNetODEExperiment

    /// The parts the run selected.
    var selectedParts: Set<String> {
        Set(ResNetODEExperiment().descriptor.selectedParts(results.parameters).map(\.name))
    }

    var content: ReportContent {
        var content = ReportContent()
        if selectedParts.contains("gap") { addGap(&content) }
        if selectedParts.contains("linear") { addLinear(&content) }
        if selectedParts.contains("adjoint") { addAdjoint(&content) }
        if selectedParts.contains("memory") { addMemory(&content) }
        if selectedParts.contains("train") { addTrain(&content) }
        if selectedParts.contains("reversible") { addReversible(&content) }
        return content
    }

    /// A number cell, or empty when absent.
    func cell(_ value: Double?) -> ReportCell {
        value.map { .number($0) } ?? .empty
    }

    /// The points with a positive value (drawable on a log axis).
    func positive(_ series: [(x: Double, value: Double)]) -> [(x: Double, y: Double)] {
        series.filter { $0.value > 0 && $0.value.isFinite }.map { (x: $0.x, y: $0.value) }
    }
}

import WorkbenchCore

/// The report body of `conservation-laws`, from the recorded results only: the architecture
/// table, the 2-layer grid, the polynomial-law search, the gd drift tables and figures, and the
/// momentum and mirror-flow tables.
struct ConservationLawsReport {
    let results: RunResults

    var content: ReportContent {
        var content = ReportContent()
        addArchitectureTable(to: &content)
        addGridTable(to: &content)
        addPolynomialTable(to: &content)
        addDriftSection(to: &content)
        addMomentumSection(to: &content)
        addMirrorSection(to: &content)
        return content
    }

    /// An integer cell for `value`, or empty.
    func integer(_ value: Double?) -> ReportCell { value.map { .integer(Int($0)) } ?? .empty }

    /// A number cell for `value`, or empty.
    func number(_ value: Double?, digits: Int = 4) -> ReportCell { value.map { .number($0, digits: digits) } ?? .empty }
}

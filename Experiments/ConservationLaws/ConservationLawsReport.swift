import WorkbenchCore

/// The report body of `conservation-laws`, from the recorded results only.
struct ConservationLawsReport {
    let results: RunResults

    var content: ReportContent {
        var content = ReportContent()
        addArchitectureTable(to: &content)
        return content
    }
}

import WorkbenchCore

/// The report: tables and figures per part, from the recorded metrics alone.
struct AttentionLipschitzReport {
    let results: RunResults

    var content: ReportContent { ReportContent() }
}

import WorkbenchStore

extension ReportRenderer {
    /// `# title`, the paper citation, the summary, and a warning when the run did not finish.
    static func headerSection(_ document: ReportDocument) -> String {
        let descriptor = document.descriptor
        var text = "# \(MarkdownText.singleLine(descriptor.title))\n\n"
        text += "**Paper:** \(MarkdownText.singleLine(descriptor.paper.citation))\n"
        if !descriptor.summary.isEmpty { text += "\n" + MarkdownText.paragraph(descriptor.summary) }
        let provenance = document.provenance
        if provenance.status != .finished {
            text += "\n> **Warning:** this run's status is \(MarkdownText.code(provenance.status.rawValue))"
            if let error = provenance.error, !error.isEmpty {
                text += ": \(MarkdownText.singleLine(error))"
            }
            text += ". Its results may be incomplete.\n"
        }
        let overrides = document.results.parameters.overrides(from: descriptor, preset: document.results.preset)
        if !overrides.isEmpty {
            text +=
                "\n> **Note:** this run changes preset \(MarkdownText.code(document.results.preset)): "
                + overrides.map(MarkdownText.code).joined(separator: ", ") + ".\n"
        }
        return text
    }
}

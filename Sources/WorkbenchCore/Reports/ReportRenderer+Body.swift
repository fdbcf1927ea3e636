extension ReportRenderer {
    /// The experiment's own blocks in order, one section string per block: headings as `##`,
    /// paragraphs as they are, tables as Markdown with a link to their CSV, figures as images
    /// of their SVG.
    static func bodySections(_ content: ReportContent) -> [String] {
        content.blocks.map { block in
            switch block {
            case .heading(let text):
                return "## \(MarkdownText.singleLine(text))\n"
            case .paragraph(let text):
                return MarkdownText.paragraph(text)
            case .table(let table):
                let title = table.title.isEmpty ? table.id : table.title
                return "**\(MarkdownText.singleLine(title))** ([CSV](\(table.csvFileName)))\n\n"
                    + table.markdown
            case .figure(let figure):
                let title = figure.title.isEmpty ? figure.id : figure.title
                return "![\(MarkdownText.linkText(MathLabel(title).plain))](\(figure.svgFileName))\n"
            }
        }
    }
}

extension ReportTable {
    /// The table as CSV: a header row of column names, then one record per row; rows shorter
    /// than the header are padded with empty fields.
    public var csv: String {
        let width = max(columns.count, rows.map(\.count).max() ?? 0)
        let header = columns + Array(repeating: "", count: width - columns.count)
        let records = rows.map { row in
            row.map(\.csvText) + Array(repeating: "", count: width - row.count)
        }
        return CSVText.document(header: header, rows: records)
    }

    /// The table as a Markdown table (numbers with significant digits), without title.
    public var markdown: String {
        MarkdownTable(columns: columns, rows: rows.map { $0.map(\.markdownText) }).text
    }

    /// The CSV file name: `<id>.csv`, see ``ReportFileName``.
    public var csvFileName: String { ReportFileName.make(id, extension: "csv") }
}

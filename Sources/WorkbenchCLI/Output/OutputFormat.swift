import WorkbenchCore

/// Output formats of the listing commands (`runs`, `sql`, `show`, `compare`).
enum OutputFormat: String, CaseIterable {
    /// Aligned columns for people (numbers to 6 significant digits).
    case table
    /// RFC 4180 CSV with full-precision numbers.
    case csv
    /// A JSON array of objects with full-precision numbers.
    case json
    /// A Markdown table.
    case md

    static func parse(_ text: String?) throws(UsageError) -> OutputFormat {
        guard let text else { return .table }
        guard let format = OutputFormat(rawValue: text) else {
            throw UsageError("unknown format '\(text)'", validChoices: allCases.map(\.rawValue))
        }
        return format
    }
}

/// One cell of tabular output.
enum OutputCell {
    case text(String)
    case number(Double)
    case integer(Int64)
    case null

    /// Text for people: numbers with 6 significant digits.
    var display: String {
        switch self {
        case .text(let v): return v
        case .number(let v): return ReportNumber.format(v, digits: 6)
        case .integer(let v): return String(v)
        case .null: return ""
        }
    }

    /// Text for machines: numbers at full round-trip precision.
    var exact: String {
        switch self {
        case .text(let v): return v
        case .number(let v): return ReportNumber.exact(v)
        case .integer(let v): return String(v)
        case .null: return ""
        }
    }

    var json: String {
        switch self {
        case .text(let v): return JSONText.quote(v)
        case .number(let v): return v.isFinite ? ReportNumber.exact(v) : JSONText.quote(ReportNumber.exact(v))
        case .integer(let v): return String(v)
        case .null: return "null"
        }
    }
}

/// Renders a header and rows in one of the ``OutputFormat``s.
struct TabularOutput {
    let columns: [String]
    let rows: [[OutputCell]]

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return renderTable()
        case .csv: return renderCSV()
        case .json: return renderJSON()
        case .md: return renderMarkdown()
        }
    }

    private func renderTable() -> String {
        let texts = rows.map { $0.map(\.display) }
        var widths = columns.map(\.count)
        for row in texts {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ")
        }
        var output = line(columns) + "\n"
        output += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in texts { output += line(row) + "\n" }
        return output
    }

    private func renderCSV() -> String {
        var output = columns.map(CSVText.field).joined(separator: ",") + "\n"
        for row in rows { output += row.map { CSVText.field($0.exact) }.joined(separator: ",") + "\n" }
        return output
    }

    private func renderJSON() -> String {
        if rows.isEmpty { return "[]\n" }
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { "\(JSONText.quote($0)): \($1.json)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private func renderMarkdown() -> String {
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var output = "| " + columns.map(escape).joined(separator: " | ") + " |\n"
        output += "|" + columns.map { _ in "---|" }.joined() + "\n"
        for row in rows { output += "| " + row.map { escape($0.display) }.joined(separator: " | ") + " |\n" }
        return output
    }
}

import WorkbenchCore
import WorkbenchStore

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
///
/// JSON typing rule, shared by every command: numbers as numbers, booleans as booleans, lists
/// as arrays, NaN and ±∞ as `null` with the special value beside it (`"value": null,
/// "value_special": "nan"`), absent values as `null`.
enum OutputCell {
    case text(String)
    case number(Double)
    case integer(Int64)
    case boolean(Bool)
    /// A list parameter's elements, in order.
    case list([OutputCell])
    /// Text that is itself JSON (a coordinates or tags object), embedded as is in JSON output.
    case json(String)
    case null

    /// Text for people: numbers with 6 significant digits, lists comma-separated.
    var display: String {
        switch self {
        case .text(let v): return v
        case .number(let v): return ReportNumber.format(v, digits: 6)
        case .integer(let v): return String(v)
        case .boolean(let v): return v ? "true" : "false"
        case .list(let elements): return elements.map(\.display).joined(separator: ",")
        case .json(let v): return v
        case .null: return ""
        }
    }

    /// Text for machines: numbers at full round-trip precision, lists comma-separated.
    var exact: String {
        switch self {
        case .text(let v): return v
        case .number(let v): return ReportNumber.exact(v)
        case .integer(let v): return String(v)
        case .boolean(let v): return v ? "true" : "false"
        case .list(let elements): return elements.map(\.exact).joined(separator: ",")
        case .json(let v): return v
        case .null: return ""
        }
    }

    /// The JSON value; a non-finite number is `null` (its text is in ``special``).
    var json: String {
        switch self {
        case .text(let v): return JSONText.quote(v)
        case .number(let v): return v.isFinite ? ReportNumber.exact(v) : "null"
        case .integer(let v): return String(v)
        case .boolean(let v): return v ? "true" : "false"
        case .list(let elements): return "[" + elements.map(\.json).joined(separator: ", ") + "]"
        case .json(let v): return v
        case .null: return "null"
        }
    }

    /// For a non-finite number (or a list holding one): the JSON of its special value(s) —
    /// `"nan"`, `"inf"`, `"-inf"` (per element for lists, `null` for finite ones); `nil` otherwise.
    var special: String? {
        switch self {
        case .number(let v) where !v.isFinite:
            return JSONText.quote(v.isNaN ? "nan" : v > 0 ? "inf" : "-inf")
        case .list(let elements) where elements.contains(where: { $0.special != nil }):
            return "[" + elements.map { $0.special ?? "null" }.joined(separator: ", ") + "]"
        default:
            return nil
        }
    }

    /// A stored parameter typed by its kind: `bool` as a boolean, lists as lists.
    static func parameter(_ value: SQLValue, kind: String) -> OutputCell {
        guard let typed = ParameterValue(stored: value, kind: kind) else { return QueryOutput.cell(value) }
        return parameter(typed)
    }

    /// A parameter value with its type: `bool` as a boolean, lists as lists.
    static func parameter(_ typed: ParameterValue) -> OutputCell {
        switch typed {
        case .int(let v): return .integer(Int64(v))
        case .real(let v): return .number(v)
        case .bool(let v): return .boolean(v)
        case .text(let v): return .text(v)
        case .intList(let v): return .list(v.map { .integer(Int64($0)) })
        case .realList(let v): return .list(v.map { .number($0) })
        case .textList(let v): return .list(v.map { .text($0) })
        }
    }

    /// `"key": value` members of a JSON object, with `"key_special"` beside a non-finite number.
    static func jsonMembers(_ key: String, _ cell: OutputCell) -> [String] {
        var members = ["\(JSONText.quote(key)): \(cell.json)"]
        if let special = cell.special { members.append("\(JSONText.quote(key + "_special")): \(special)") }
        return members
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
            "  {" + zip(columns, row).flatMap { OutputCell.jsonMembers($0, $1) }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private func renderMarkdown() -> String {
        func escape(_ text: String) -> String { MarkdownTable.escape(text) }
        var output = "| " + columns.map(escape).joined(separator: " | ") + " |\n"
        output += "|" + columns.map { _ in "---|" }.joined() + "\n"
        for row in rows { output += "| " + row.map { escape($0.display) }.joined(separator: " | ") + " |\n" }
        return output
    }
}

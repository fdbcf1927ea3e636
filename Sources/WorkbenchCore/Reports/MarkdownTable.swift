/// A GitHub-flavoured Markdown table: a header row, an alignment row and one line per row.
///
/// Cells are plain text and are escaped when rendered: `|` becomes `\|` and line breaks become
/// spaces, so a cell can never end its row early. Rows shorter than the header are padded with
/// empty cells.
public struct MarkdownTable {
    /// Column headings.
    let columns: [String]
    /// Rows of cell text, already formatted (may contain inline Markdown such as `**pass**`).
    var rows: [[String]]

    init(columns: [String], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table as Markdown lines ending in `\n`; empty when there are no columns.
    var text: String {
        guard !columns.isEmpty else { return "" }
        let width = max(columns.count, rows.map(\.count).max() ?? 0)
        var lines = [Self.line(padded(columns, to: width))]
        lines.append(Self.line(Array(repeating: "---", count: width), escaping: false))
        for row in rows { lines.append(Self.line(padded(row, to: width))) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `cell` safe for use inside a table row.
    public static func escape(_ cell: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(cell.count)
        for character in cell {
            if character == "|" {
                escaped += "\\|"
            } else if character.isNewline {
                escaped += " "
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }

    private func padded(_ cells: [String], to width: Int) -> [String] {
        cells + Array(repeating: "", count: max(0, width - cells.count))
    }

    private static func line(_ cells: [String], escaping: Bool = true) -> String {
        "| " + cells.map { escaping ? escape($0) : $0 }.joined(separator: " | ") + " |"
    }
}

import Testing
import WorkbenchCore

@Suite("Report tables as CSV and Markdown")
struct ReportTableRenderingTests {
    @Test func csvHasHeaderQuotingAndNewlineEndings() {
        let table = ReportTable(
            id: "t", title: "T", columns: ["name", "value, unit", "note"],
            rows: [
                [.text("plain"), .integer(3), .text("say \"hi\"")],
                [.text("two\nlines"), .number(1.5), .empty],
                [.text(" padded "), .number(-2)],
            ])
        let expected =
            "name,\"value, unit\",note\n" + "plain,3,\"say \"\"hi\"\"\"\n"
            + "\"two\nlines\",1.5,\n" + "\" padded \",-2.0,\n"
        #expect(table.csv == expected)
        #expect(!table.csv.contains("\r"))
    }

    @Test func csvNumbersRoundTripWhileMarkdownUsesSignificantDigits() {
        let values = [0.1 + 0.2, 1.0 / 3.0, 6.02214076e23, .leastNonzeroMagnitude, -0.0, .nan, .infinity, -.infinity]
        let table = ReportTable(
            id: "n", title: "N", columns: ["x"], rows: values.map { [.number($0, digits: 3)] })
        let lines = table.csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines == [
                "x", "0.30000000000000004", "0.3333333333333333", "6.02214076e+23", "5e-324", "-0.0",
                "NaN", "inf", "-inf", "",
            ])
        for (line, value) in zip(lines.dropFirst(), values) where value.isFinite {
            #expect(Double(line)?.bitPattern == value.bitPattern)
        }
        #expect(table.markdown.contains("| 0.333 |"))
        #expect(table.markdown.contains("| 6.02e+23 |"))
    }

    @Test func markdownEscapesPipesAndLineBreaks() {
        let table = ReportTable(
            id: "m", title: "M", columns: ["a|b", "c"], rows: [[.text("x | y"), .text("one\ntwo")]])
        #expect(table.markdown == "| a\\|b | c |\n| --- | --- |\n| x \\| y | one two |\n")
    }

    @Test func fileNamesComeFromSafeIds() {
        #expect(ReportTable(id: "w2-errors_v1.2", title: "", columns: []).csvFileName == "w2-errors_v1.2.csv")
        #expect(ReportFileName.make("../a b/c", extension: "svg") == "..-a-b-c.svg")
        #expect(ReportFileName.make("", extension: "csv") == "unnamed.csv")
        #expect(ReportFileName.make("..", extension: "csv") == "unnamed.csv")
    }
}

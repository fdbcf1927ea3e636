/// Renders a ``ReportDocument`` into the files of `Reports/<experiment-id>/`.
///
/// The output is a pure function of the document: no clock, locale or dictionary order is
/// involved, so the same database always gives byte-identical files.
public enum ReportRenderer {
    /// The report's files: `README.md` first, then one `<table-id>.csv` per ``ReportTable`` and one
    /// `<figure-id>.svg` per ``ReportFigure``, in the order the blocks appear in the content.
    public static func render(_ document: ReportDocument) -> [ReportFile] {
        var files = [ReportFile(name: "README.md", contents: markdown(document))]
        for block in document.content.blocks {
            switch block {
            case .table(let table):
                files.append(ReportFile(name: table.csvFileName, contents: table.csv))
            case .figure(let figure):
                files.append(ReportFile(name: figure.svgFileName, contents: SVGPlot(figure).svg))
            case .heading, .paragraph:
                break
            }
        }
        return files
    }

    /// The text of `README.md`: title, paper and summary; configuration; claims; the
    /// experiment's own blocks; provenance. Sections are separated by one blank line.
    public static func markdown(_ document: ReportDocument) -> String {
        var sections = [
            headerSection(document), configurationSection(document), claimsSection(document.checks),
        ]
        if !document.companions.isEmpty { sections.append(companionSection(document.companions)) }
        sections += bodySections(document.content)
        sections.append(provenanceSection(document.provenance, databaseName: document.databaseName))
        return sections.joined(separator: "\n")
    }

    /// Links to the reports rendered beside this one.
    static func companionSection(_ companions: [ReportCompanion]) -> String {
        var text = "## Seed robustness\n\n"
        for companion in companions {
            text += "- [\(companion.title)](\(companion.fileName)): \(companion.summary)\n"
        }
        return text
    }
}

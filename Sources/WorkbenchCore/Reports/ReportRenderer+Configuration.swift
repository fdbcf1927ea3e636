extension ReportRenderer {
    /// `## Configuration`: preset, seed and one row per parameter (declared parameters in
    /// declaration order, then any undeclared recorded ones in key order).
    static func configurationSection(_ document: ReportDocument) -> String {
        let results = document.results
        let descriptor = document.descriptor
        var text = "## Configuration\n\n"
        text += "Preset \(MarkdownText.code(results.preset))"
        if let preset = descriptor.allPresets.first(where: { $0.name == results.preset }),
            !preset.summary.isEmpty
        {
            text += " (\(MarkdownText.singleLine(preset.summary)))"
        }
        text += ", seed \(results.seed).\n\n"

        let values = results.parameters.values
        let declaredKeys = Set(descriptor.parameters.map(\.key))
        var table = MarkdownTable(columns: ["parameter", "value", "default", "meaning"])
        var anyChanged = false
        for spec in descriptor.parameters {
            let value = values[spec.key]
            let changed = value.map { $0 != spec.defaultValue } ?? false
            anyChanged = anyChanged || changed
            let valueText = value.map { parameterText($0) } ?? "—"
            table.rows.append([
                MarkdownText.code(spec.key), changed ? "**\(valueText)**" : valueText,
                parameterText(spec.defaultValue), MarkdownText.singleLine(spec.doc),
            ])
        }
        for key in results.parameters.sortedKeys where !declaredKeys.contains(key) {
            let valueText = values[key].map { parameterText($0) } ?? "—"
            table.rows.append([MarkdownText.code(key), valueText, "—", "(not declared)"])
        }

        if table.rows.isEmpty {
            text += "This experiment has no parameters.\n"
        } else {
            text += table.text
            if anyChanged { text += "\nValues in **bold** differ from the declared default.\n" }
        }
        return text
    }

    /// A parameter value's canonical text as an inline code span (`—` when empty).
    private static func parameterText(_ value: ParameterValue) -> String {
        let text = value.canonicalText
        return text.isEmpty ? "—" : MarkdownText.code(text)
    }
}

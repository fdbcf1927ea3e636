extension ReportRenderer {
    /// `## Provenance`: where, when and with what the run was computed, as a two-column table.
    static func provenanceSection(_ provenance: RunProvenance, databaseName: String) -> String {
        var rows: [[String]] = [["run", MarkdownText.code(provenance.runID)]]
        if let rerunOf = provenance.rerunOf { rows.append(["rerun of", MarkdownText.code(rerunOf)]) }
        rows.append(["status", provenance.status.rawValue])
        if let error = provenance.error, !error.isEmpty { rows.append(["error", error]) }
        rows += [
            ["started (UTC)", provenance.startedAt],
            ["ended (UTC)", provenance.endedAt ?? "—"],
            ["duration", provenance.durationSeconds.map(durationText) ?? "—"],
            ["host", provenance.host],
            ["git commit", gitText(commit: provenance.gitCommit, dirty: provenance.gitDirty)],
            ["workbench version", provenance.workbenchVersion],
            ["BLAS core", provenance.blasCore],
            ["BLAS threads", String(provenance.blasThreads)],
            ["SQLite version", provenance.sqliteVersion],
            ["config hash", MarkdownText.code(provenance.configHash)],
            ["result digest", provenance.resultDigest.map(MarkdownText.code) ?? "—"],
            ["database", MarkdownText.code(databaseName)],
        ]
        return "## Provenance\n\n" + MarkdownTable(columns: ["field", "value"], rows: rows).text
    }

    /// `12.3 s` below a minute, otherwise whole units such as `1 h 2 min 5 s`.
    static func durationText(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 60, seconds < 1e12 else {
            return ReportNumber.format(seconds, digits: 3) + " s"
        }
        let total = Int(seconds.rounded())
        let hours = total / 3600
        let minutes = total % 3600 / 60
        let rest = total % 60
        return hours > 0 ? "\(hours) h \(minutes) min \(rest) s" : "\(minutes) min \(rest) s"
    }

    /// The commit with its state: `` `abc123` (clean) ``, `(dirty)`, or `unknown` outside git.
    static func gitText(commit: String?, dirty: Bool?) -> String {
        guard let commit, !commit.isEmpty else { return "unknown (not a git checkout)" }
        switch dirty {
        case true?: return "\(MarkdownText.code(commit)) (dirty: uncommitted changes)"
        case false?: return "\(MarkdownText.code(commit)) (clean)"
        case nil: return MarkdownText.code(commit)
        }
    }
}

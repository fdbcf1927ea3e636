import WorkbenchCore
import WorkbenchStore

/// Checks the names and tags people give runs.
enum RunLabelParser {
    /// A `key=value` tag; the key is a word of letters, digits, `_`, `-` or `.`.
    static func tag(_ text: String) throws(UsageError) -> (key: String, value: String) {
        guard let equals = text.firstIndex(of: "=") else {
            throw UsageError("a tag is key=value, got '\(text)'")
        }
        let key = String(text[..<equals])
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) else {
            throw UsageError("tag key '\(key)' must be a non-empty word of letters, digits, '_', '-' or '.'")
        }
        return (key, String(text[text.index(after: equals)...]))
    }

    /// A run name: unique, and never read as another selection form (an experiment id, `latest`,
    /// `x~N`, or a run-id prefix — so it must contain a character that is not a hex digit).
    static func name(_ name: String, registry: ExperimentRegistry, store: RunStore?) throws -> String {
        guard !name.isEmpty, !name.contains("~"), !name.contains(where: \.isWhitespace) else {
            throw UsageError("run name '\(name)' must be non-empty, without spaces or '~'")
        }
        if registry.ids.contains(name) || name.hasPrefix("latest") {
            throw UsageError("run name '\(name)' would be read as an experiment id or `latest`; choose another")
        }
        if name.allSatisfy(\.isHexDigit) {
            throw UsageError("run name '\(name)' would be read as a run-id prefix; add a letter beyond a-f")
        }
        if let store, let holder = try store.runs(where: "name = ?", [.text(name)]).first {
            throw UsageError("the name '\(name)' is already used by run \(holder.runID.prefix(12)); names are unique")
        }
        return name
    }
}

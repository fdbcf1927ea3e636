/// Small helpers for writing inline Markdown.
enum MarkdownText {
    /// `text` as an inline code span, with a backtick fence longer than any run of backticks in
    /// the text (and padding spaces where CommonMark needs them). Empty text gives an empty string.
    static func code(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var longestRun = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = text.first == "`" || text.last == "`" ? " " : ""
        return fence + padding + text + padding + fence
    }

    /// `text` on one line: line breaks become spaces (for headings and titles).
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// `text` without trailing line breaks and spaces, followed by exactly one `\n` (for paragraphs).
    static func paragraph(_ text: String) -> String {
        var trimmed = Substring(text)
        while let last = trimmed.last, last.isNewline || last == " " { trimmed.removeLast() }
        return trimmed + "\n"
    }

    /// `text` usable as link text or image alt text: `[`, `]` and `\` are backslash-escaped.
    static func linkText(_ text: String) -> String {
        var escaped = ""
        for character in singleLine(text) {
            if character == "[" || character == "]" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

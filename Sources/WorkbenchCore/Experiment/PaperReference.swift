/// Bibliographic identity of the paper an experiment reproduces.
public struct PaperReference: Sendable {
    public let authors: String
    public let title: String
    /// Venue and year, e.g. "NeurIPS 2022" or "arXiv preprint, 2026".
    public let venue: String
    /// arXiv identifier such as `2512.10656`, if any.
    public let arxiv: String?

    public init(authors: String, title: String, venue: String, arxiv: String? = nil) {
        self.authors = authors
        self.title = title
        self.venue = venue
        self.arxiv = arxiv
    }

    /// One-line citation: authors, *title*, venue (arXiv:id).
    public var citation: String {
        var text = "\(authors), *\(title)*, \(venue)"
        if let arxiv { text += " (arXiv:\(arxiv))" }
        return text
    }
}

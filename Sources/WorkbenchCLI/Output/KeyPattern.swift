/// A metric key pattern: a glob where `*` matches any run of characters (dots included) and `?`
/// one character; a pattern without wildcards matches every key containing it.
struct KeyPattern {
    let text: String

    init(_ text: String) { self.text = text }

    func matches(_ key: String) -> Bool {
        guard text.contains("*") || text.contains("?") else { return key.contains(text) }
        return Self.glob(Array(text), Array(key))
    }

    /// Iterative glob match with backtracking to the last `*` (linear in practice).
    static func glob(_ pattern: [Character], _ key: [Character]) -> Bool {
        var p = 0
        var k = 0
        var star: Int? = nil
        var resume = 0
        while k < key.count {
            if p < pattern.count && (pattern[p] == "?" || pattern[p] == key[k]) {
                p += 1
                k += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p
                resume = k
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                k = resume
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

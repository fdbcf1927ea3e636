/// "Did you mean …?" suggestions for a mistyped word.
public enum ClosestWord {
    /// The candidate nearest to `word` by edit distance (case-insensitive), if it is within a
    /// third of the word's length (at least 1, at most 3 edits) — close enough to be a typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        let limit = min(3, max(1, target.count / 3))
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.word
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
    /// characters as one edit each (optimal string alignment), so `rnu` is one edit from `run`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

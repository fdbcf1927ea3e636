import Foundation

/// BERT's uncased tokenizer: the basic tokenizer (drop control characters, whitespace to
/// spaces, spaces around CJK ideographs, lower-case, strip accents by NFD and removing
/// combining marks, split off every punctuation character) followed by WordPiece (greedy
/// longest match first, continuation pieces prefixed `##`, a word with no full cover or longer
/// than 100 characters becomes `[UNK]`).
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: [String: Int]
    public let unknown: Int
    public let classification: Int
    public let separator: Int

    static let maximumWordLength = 100

    /// From `vocab.txt` (one token per line, id = line number).
    public init(vocabularyText: String) throws {
        var vocabulary: [String: Int] = [:]
        for (index, line) in vocabularyText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if !token.isEmpty && vocabulary[token] == nil { vocabulary[token] = index }
        }
        guard let unknown = vocabulary["[UNK]"], let cls = vocabulary["[CLS]"], let sep = vocabulary["[SEP]"] else {
            throw PretrainedError.vocabulary("vocab.txt lacks [UNK], [CLS] or [SEP]")
        }
        self.vocabulary = vocabulary
        self.unknown = unknown
        self.classification = cls
        self.separator = sep
    }

    /// Token ids of `text`; with `special`, wrapped in `[CLS] … [SEP]`.
    public func encode(_ text: String, special: Bool = false) -> [Int] {
        let ids = basicTokens(text).flatMap(wordPieces)
        return special ? [classification] + ids + [separator] : ids
    }

    /// The basic tokenizer's words.
    public func basicTokens(_ text: String) -> [String] {
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0 || value == 0xFFFD { continue }
            if Self.isWhitespace(scalar) {
                cleaned.append(" ")
            } else if Self.isControl(scalar) {
                continue
            } else if Self.isChineseCharacter(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        var words: [String] = []
        for word in String(cleaned).split(separator: " ") {
            let folded = String(word).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }
            var current = String.UnicodeScalarView()
            for scalar in folded {
                if Self.isPunctuation(scalar) {
                    if !current.isEmpty { words.append(String(current)) }
                    current = String.UnicodeScalarView()
                    words.append(String(scalar))
                } else {
                    current.append(scalar)
                }
            }
            if !current.isEmpty { words.append(String(current)) }
        }
        return words
    }

    /// WordPiece ids of one basic token.
    public func wordPieces(_ word: String) -> [Int] {
        let characters = Array(word.unicodeScalars)
        if characters.count > Self.maximumWordLength { return [unknown] }
        var pieces: [Int] = []
        var start = 0
        while start < characters.count {
            var end = characters.count
            var found: Int?
            while start < end {
                var piece = String(String.UnicodeScalarView(characters[start..<end]))
                if start > 0 { piece = "##" + piece }
                if let id = vocabulary[piece] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [unknown] }
            pieces.append(id)
            start = end
        }
        return pieces
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            || scalar.properties.generalCategory == .spaceSeparator
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned: return true
        default: return false
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
            || (123...126).contains(value)
        {
            return true
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    static func isChineseCharacter(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2B73F).contains(value) || (0x2B740...0x2B81F).contains(value)
            || (0x2B820...0x2CEAF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x2F800...0x2FA1F).contains(value)
    }
}

/// Problems with the pretrained model's files.
public enum PretrainedError: Error, CustomStringConvertible {
    case vocabulary(String)
    case configuration(String)
    case weights(String)

    public var description: String {
        switch self {
        case .vocabulary(let text): return "vocabulary: \(text)"
        case .configuration(let text): return "model configuration: \(text)"
        case .weights(let text): return "weights: \(text)"
        }
    }
}

import Foundation
import Testing

@testable import AttentionLipschitz

/// The safetensors reader on synthetic files written here.
struct SafetensorsTests {
    /// A file with an F32 `[2, 3]` tensor `w` (values 0.5·k) and an F64 `[2]` tensor `b`.
    static func synthetic(header overrideHeader: String? = nil) -> Data {
        let header =
            overrideHeader
            ?? #"{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"b":{"dtype":"F64","shape":[2],"data_offsets":[24,40]}}"#
        var data = Data()
        var length = UInt64(header.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(contentsOf: Array(header.utf8))
        for k in 0..<6 {
            var bits = Float32(0.5 * Double(k)).bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
        }
        for value in [-1.25, 3e-300] {
            var bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
        }
        return data
    }

    @Test("reads F32 (converted to Double) and F64 tensors in row-major order, from memory and from a file")
    func reads() throws {
        let file = try SafetensorsFile(data: Self.synthetic())
        #expect(try file.doubles("w", shape: [2, 3]) == [0, 0.5, 1, 1.5, 2, 2.5])
        #expect(try file.doubles("b") == [-1.25, 3e-300])
        #expect(file.entries["w"]?.shape == [2, 3])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synthetic-\(UUID()).safetensors")
        try Self.synthetic().write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SafetensorsFile(url: url).doubles("w") == [0, 0.5, 1, 1.5, 2, 2.5])
    }

    @Test("a truncated file, a corrupt header, bad offsets and wrong shapes give clear errors")
    func errors() throws {
        let full = Self.synthetic()
        #expect(throws: SafetensorsError.tooShort(size: 5)) { try SafetensorsFile(data: full.prefix(5)) }
        // Cut inside the header: the declared length exceeds what follows.
        #expect(throws: SafetensorsError.headerLength(declared: UInt64(full.count - 8 - 40), available: 40)) {
            try SafetensorsFile(data: full.prefix(48))
        }
        // Cut inside the data: w's offsets still fit, b's do not.
        let cut = try? SafetensorsFile(data: full.prefix(full.count - 8))
        #expect(cut == nil)
        do {
            _ = try SafetensorsFile(data: full.prefix(full.count - 8))
        } catch {
            #expect(error.description.contains("'b'") && error.description.contains("outside"))
        }
        var corrupt = full
        corrupt[8] = UInt8(ascii: "#")
        do {
            _ = try SafetensorsFile(data: corrupt)
            Issue.record("a corrupt header was accepted")
        } catch {
            #expect(error.description.hasPrefix("safetensors header is not a JSON object"))
        }
        let wrongBytes = Self.synthetic(
            header:
                #"{"w":{"dtype":"F32","shape":[2,4],"data_offsets":[0,24]},"b":{"dtype":"F64","shape":[2],"data_offsets":[24,40]}}"#
        )
        do {
            _ = try SafetensorsFile(data: wrongBytes)
            Issue.record("a shape not matching its byte count was accepted")
        } catch {
            #expect(error.description.contains("needs 32 bytes, offsets give 24"))
        }
        let file = try SafetensorsFile(data: full)
        #expect(throws: SafetensorsError.missingTensor("v")) { try file.doubles("v") }
        #expect(throws: SafetensorsError.shapeMismatch(name: "w", expected: [3, 2], actual: [2, 3])) {
            try file.doubles("w", shape: [3, 2])
        }
    }
}

/// The WordPiece tokenizer on a small vocabulary with the traps of BERT uncased.
struct WordPieceTokenizerTests {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "cafe", "un", "##aff", "##able", "!", ",", ".", "'", "s", "naive",
        "hello", "world", "##s", "a", "直",
    ].joined(separator: "\n")

    static func ids(_ text: String, special: Bool = false) throws -> [Int] {
        try WordPieceTokenizer(vocabularyText: vocabulary).encode(text, special: special)
    }

    @Test("lower-cases and strips accents (NFD, combining marks removed)")
    func accents() throws {
        #expect(try Self.ids("Café NAÏVE") == [5, 14])
        #expect(try Self.ids("The", special: true) == [2, 4, 3])
    }

    @Test("splits off every punctuation character, ASCII and Unicode; whitespace and controls are separators")
    func punctuation() throws {
        #expect(try Self.ids("hello,world!") == [15, 10, 16, 9])
        #expect(try Self.ids("world's.") == [16, 12, 13, 11])
        #expect(try Self.ids("hello\t\u{0007}world\u{00A0}hello") == [15, 16, 15])
        #expect(try Self.ids("«hello»") == [1, 15, 1])
    }

    @Test("long words split into ## pieces, greedy longest match; no cover or > 100 characters → [UNK]")
    func wordPieces() throws {
        #expect(try Self.ids("unaffable") == [6, 7, 8])
        #expect(try Self.ids("worlds") == [16, 17])
        #expect(try Self.ids("unknownword") == [1])
        #expect(try Self.ids(String(repeating: "a", count: 101)) == [1])
        #expect(try Self.ids("a直a") == [18, 19, 18])
    }

    @Test("a vocabulary without the special tokens is refused")
    func badVocabulary() {
        #expect(throws: PretrainedError.self) { try WordPieceTokenizer(vocabularyText: "a\nb") }
    }
}

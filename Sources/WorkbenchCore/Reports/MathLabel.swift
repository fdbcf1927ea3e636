/// Figure text with light mathematical markup, rendered with real sub- and superscripts.
///
/// `x_k` and `x^k` make the following word (letters, digits, `*`, `′`, `∞`) a subscript or a
/// superscript; `x_{j*}` and `x^{ref}` take the braced text. Everything else is literal, so
/// labels stay readable as plain strings (`W₂(q_K, p_ε)`, `‖A^N_n − A^ref(n/N)‖_F`).
struct MathLabel: Equatable {
    enum Position: Equatable { case base, `subscript`, superscript }

    /// Consecutive runs of text at one position.
    let segments: [(text: String, position: Position)]

    static func == (lhs: MathLabel, rhs: MathLabel) -> Bool {
        lhs.segments.map(\.text) == rhs.segments.map(\.text)
            && lhs.segments.map(\.position) == rhs.segments.map(\.position)
    }

    init(_ label: String) {
        var segments: [(text: String, position: Position)] = []
        var base = ""
        let characters = Array(label)
        var index = 0
        func isScriptCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "*" || character == "′" || character == "∞"
        }
        while index < characters.count {
            let character = characters[index]
            let marker: Position? = character == "_" ? .subscript : character == "^" ? .superscript : nil
            guard let marker, index > 0, index + 1 < characters.count, !characters[index - 1].isWhitespace else {
                base.append(character)
                index += 1
                continue
            }
            var script = ""
            var next = index + 1
            if characters[next] == "{", let close = characters[next...].firstIndex(of: "}") {
                script = String(characters[(next + 1)..<close])
                next = close + 1
            } else {
                while next < characters.count && isScriptCharacter(characters[next]) {
                    script.append(characters[next])
                    next += 1
                }
            }
            guard !script.isEmpty else {
                base.append(character)
                index += 1
                continue
            }
            if !base.isEmpty { segments.append((base, .base)) }
            base = ""
            segments.append((script, marker))
            index = next
        }
        if !base.isEmpty { segments.append((base, .base)) }
        self.segments = segments
    }

    /// The text without markup (scripts inline), for `<title>`, widths and accessibility.
    var plain: String { segments.map(\.text).joined() }

    /// Escaped SVG content for a `<text>` of font size `size`: scripts in `<tspan>`s at 75 %
    /// size, shifted by `dy` (down 0.3 em for subscripts, up 0.4 em for superscripts) and shifted
    /// back for the text that follows.
    func svgContent(size: Double) -> String {
        guard segments.contains(where: { $0.position != .base }) else { return SVGText.escape(plain) }
        let scriptSize = SVGText.number(size * 0.75)
        var output = ""
        var offset = 0.0
        for segment in segments {
            let target: Double
            switch segment.position {
            case .base: target = 0
            case .subscript: target = 0.3 * size
            case .superscript: target = -0.4 * size
            }
            let shift = target - offset
            offset = target
            let dy = shift == 0 ? "" : ##" dy="\##(SVGText.number(shift))""##
            let fontSize = segment.position == .base ? "" : ##" font-size="\##(scriptSize)""##
            if dy.isEmpty && fontSize.isEmpty {
                output += SVGText.escape(segment.text)
            } else if segment.position == .base {
                // A space right after a `</tspan>` is dropped by some renderers (librsvg): it
                // becomes an explicit advance of about one space width.
                let spaced = segment.text.first == " "
                let dx = spaced ? ##" dx="\##(SVGText.number(0.28 * size))""## : ""
                let text = spaced ? String(segment.text.dropFirst()) : segment.text
                output += "<tspan\(dx)\(dy)>\(SVGText.escape(text))</tspan>"
            } else {
                output += "<tspan\(dy)\(fontSize)>\(SVGText.escape(segment.text))</tspan>"
            }
        }
        return output
    }
}

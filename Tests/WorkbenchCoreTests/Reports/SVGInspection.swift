import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses an SVG document and records its elements and the text of its `<text>` elements.
final class SVGInspection: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    private(set) var elements = [Element]()
    private(set) var texts = [String]()
    private(set) var parseError: Error?
    private var currentText: String?

    /// Parses `svg`; `isWellFormed` tells whether the parser accepted it.
    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        isWellFormed = parser.parse() && parseError == nil
    }

    private(set) var isWellFormed = false

    /// Elements called `name`.
    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(Element(name: elementName, attributes: attributeDict))
        if elementName == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText? += string
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        if elementName == "text", let currentText {
            texts.append(currentText)
            self.currentText = nil
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        self.parseError = parseError
    }
}

import Foundation
import Testing
import WorkbenchCore

/// A sample report and figures that stress the layout (many decades, one point, bad values, long
/// labels), checked for what a viewer would notice: every drawn coordinate on the canvas. With
/// `WORKBENCH_SAMPLE_REPORT_DIR` set, the files are also written there, for looking at them.
@Suite("Sample report")
struct SampleReportWriterTests {
    static let directory = ProcessInfo.processInfo.environment["WORKBENCH_SAMPLE_REPORT_DIR"]

    @Test("the sample report and the layout stress figures draw every coordinate on their canvas")
    func sampleReportStaysOnTheCanvas() throws {
        var document = ReportTestDocument.document
        var content = document.content
        content.heading("Linear axes")
        content.figure(
            ReportFigure(
                id: "linear", title: "A linear-axis figure", xLabel: "time t", yLabel: "value v",
                xScale: .linear, yScale: .linear,
                series: [
                    PlotSeries(label: "v(t)", points: (0...20).map { (Double($0) / 2, sin(Double($0) / 3)) }),
                    PlotSeries(label: "bound", points: [(0, 1), (10, 1)], style: .reference),
                ]))
        document = ReportDocument(
            descriptor: document.descriptor, results: document.results, checks: document.checks,
            provenance: document.provenance, content: content, databaseName: document.databaseName)
        var files = ReportRenderer.render(document)
        for figure in Self.edgeCaseFigures {
            files.append(ReportFile(name: "edge-" + figure.svgFileName, contents: SVGPlot(figure).svg))
        }
        let figures = files.filter { $0.name.hasSuffix(".svg") }
        #expect(figures.count == 2 + Self.edgeCaseFigures.count)
        for file in figures {
            let inspection = SVGInspection(file.contents)
            #expect(inspection.isWellFormed, "\(file.name)")
            let attributes = inspection.elements.flatMap { $0.attributes.values }.map { $0.lowercased() }
            #expect(!attributes.contains { $0.contains("nan") || $0.contains("inf") }, "\(file.name)")
            let outside = Self.coordinatesOffCanvas(inspection)
            #expect(outside.isEmpty, "\(file.name): \(outside.prefix(5))")
        }
        if let directory = Self.directory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for file in files {
                try file.contents.write(toFile: directory + "/" + file.name, atomically: true, encoding: .utf8)
            }
        }
    }

    @Test("the canvas check reads M, L, H and V paths, circles and text anchors, and finds what is off")
    func canvasCheckFindsOffCanvasPoints() {
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">
            <path d="M10 10L99.5 49H120V-3"/><circle cx="5" cy="60" r="2"/><text x="-1" y="20">a</text>
            <rect x="90" y="0" width="20" height="10"/>
            </svg>
            """
        #expect(
            Self.pathPoints("M1 2L3e1 -4.5H7V8").map { "\($0.x ?? .nan) \($0.y ?? .nan)" } == [
                "1.0 2.0", "30.0 -4.5", "7.0 nan", "nan 8.0",
            ])
        #expect(
            Self.coordinatesOffCanvas(SVGInspection(svg)) == [
                "path: x = 120.0 outside 0…100.0", "path: y = -3.0 outside 0…50.0", "circle: y = 60.0 outside 0…50.0",
                "text: x = -1.0 outside 0…100.0", "rect corner: x = 110.0 outside 0…100.0",
            ])
    }

    /// Descriptions of the coordinates (path points, circle centres, rectangle corners, text anchors)
    /// that lie outside the `<svg>` element's `width` × `height`; empty when the drawing fits.
    static func coordinatesOffCanvas(_ inspection: SVGInspection) -> [String] {
        guard let root = inspection.elements(named: "svg").first,
            let width = root.attributes["width"].flatMap(Double.init),
            let height = root.attributes["height"].flatMap(Double.init)
        else { return ["no <svg> element with a numeric width and height"] }
        var outside = [String]()
        func check(_ element: String, x: Double?, y: Double?) {
            if let x, !(0...width).contains(x) { outside.append("\(element): x = \(x) outside 0…\(width)") }
            if let y, !(0...height).contains(y) { outside.append("\(element): y = \(y) outside 0…\(height)") }
        }
        for element in inspection.elements {
            let number = { (name: String) in element.attributes[name].flatMap(Double.init) }
            switch element.name {
            case "circle": check("circle", x: number("cx"), y: number("cy"))
            case "text": check("text", x: number("x"), y: number("y"))
            case "rect":
                check("rect", x: number("x"), y: number("y"))
                if let x = number("x"), let y = number("y"), let w = number("width"), let h = number("height") {
                    check("rect corner", x: x + w, y: y + h)
                }
            case "path":
                for (x, y) in pathPoints(element.attributes["d"] ?? "") { check("path", x: x, y: y) }
            default: break
            }
        }
        return outside
    }

    /// The absolute coordinates in an SVG path made of `M`, `L`, `H` and `V` commands, numbers
    /// separated by spaces or commas as ``SVGPlot`` writes them (`H` gives an x only, `V` a y
    /// only).
    static func pathPoints(_ d: String) -> [(x: Double?, y: Double?)] {
        var points = [(x: Double?, y: Double?)]()
        var command: Character = "M"
        var numbers = [Double]()
        func flush() {
            switch command {
            case "H": points += numbers.map { (x: $0, y: nil) }
            case "V": points += numbers.map { (x: nil, y: $0) }
            default:
                for index in stride(from: 0, to: numbers.count - 1, by: 2) {
                    points.append((x: numbers[index], y: numbers[index + 1]))
                }
            }
            numbers = []
        }
        var token = ""
        for character in d + " " {
            if character.isLetter && character != "e" {
                if let value = Double(token) { numbers.append(value) }
                token = ""
                flush()
                command = character
            } else if character == " " || character == "," {
                if let value = Double(token) { numbers.append(value) }
                token = ""
            } else {
                token.append(character)
            }
        }
        flush()
        return points
    }

    /// Figures that stress the layout: many decades, one point, bad values, long labels.
    static var edgeCaseFigures: [ReportFigure] {
        [
            ReportFigure(
                id: "many-decades", title: "Fourteen decades on x, twenty on y", xLabel: "n",
                yLabel: "probability",
                series: (0..<12).map { index in
                    PlotSeries(
                        label: "series number \(index) with a rather long descriptive label that goes on",
                        points: stride(from: -8.0, through: 6, by: 1).map {
                            (pow(10, $0), pow(10, -$0 - Double(index)))
                        },
                        style: [PlotSeries.Style.measured, .fitted, .reference, .markers][index % 4])
                }),
            ReportFigure(
                id: "single", title: "A single point", xLabel: "x", yLabel: "y",
                series: [PlotSeries(label: "one", points: [(3, 7)])]),
            ReportFigure(
                id: "bad", title: "NaN, ±∞ and non-positive values", xLabel: "x", yLabel: "y",
                series: [
                    PlotSeries(
                        label: "mixed",
                        points: [
                            (1, 1), (2, .nan), (3, 0.5), (4, -1), (5, 0.2), (.infinity, 1), (8, 0.1),
                        ])
                ]),
            ReportFigure(
                id: "linear-big", title: "Large linear values", xLabel: "samples", yLabel: "bytes",
                xScale: .linear, yScale: .linear,
                series: [PlotSeries(label: "growth", points: [(-3e6, 1e-3), (4.2e6, 2.5e-3)])]),
            ReportFigure(
                id: "linear-small", title: "Small linear values", xLabel: "ε", yLabel: "δ",
                xScale: .linear, yScale: .log,
                series: [PlotSeries(label: "tiny", points: [(1e-6, 3), (4e-6, 4), (9e-6, 3.5)])]),
        ]
    }
}

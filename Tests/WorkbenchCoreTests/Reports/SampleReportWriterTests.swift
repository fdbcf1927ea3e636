import Foundation
import Testing
import WorkbenchCore

/// Writes the sample report to the directory in `WORKBENCH_SAMPLE_REPORT_DIR`, for looking at it.
@Suite("Sample report")
struct SampleReportWriterTests {
    static let directory = ProcessInfo.processInfo.environment["WORKBENCH_SAMPLE_REPORT_DIR"]

    @Test(.enabled(if: directory != nil)) func writeSampleReport() throws {
        let directory = try #require(Self.directory)
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
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
        for file in files {
            try file.contents.write(
                toFile: directory + "/" + file.name, atomically: true, encoding: .utf8)
        }
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

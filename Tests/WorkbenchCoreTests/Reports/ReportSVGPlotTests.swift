import Foundation
import Testing
@testable import WorkbenchCore

@Suite("Report SVG plots")
struct ReportSVGPlotTests {
    private func inspect(_ figure: ReportFigure) -> (svg: String, inspection: SVGInspection) {
        let svg = SVGPlot(figure).svg
        return (svg, SVGInspection(svg))
    }

    @Test func outputIsWellFormedAndIdenticalBetweenRuns() {
        let figure = ReportTestDocument.figure
        let (svg, inspection) = inspect(figure)
        #expect(inspection.isWellFormed)
        #expect(svg == SVGPlot(figure).svg)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(inspection.elements(named: "svg").first?.attributes["width"] == "640")
        #expect(inspection.elements(named: "svg").first?.attributes["height"] == "420")
    }

    @Test func manySeriesMoveTheLegendRightOfTheDataAreaAndSharedSlotsShareColours() {
        var series: [PlotSeries] = []
        for index in 0..<8 {
            let level = Double(index + 1)
            let measured: [(x: Double, y: Double)] = [(1, level), (10, level + 1)]
            let law: [(x: Double, y: Double)] = [(1, level), (10, level)]
            series.append(PlotSeries(label: "measured \(index)", points: measured, colorSlot: index))
            series.append(PlotSeries(label: "law \(index)", points: law, style: .reference, colorSlot: index))
        }
        let figure = ReportFigure(id: "many", title: "many", xLabel: "x", yLabel: "y", series: series)
        let (_, inspection) = inspect(figure)
        #expect(inspection.isWellFormed)
        let width = Double(inspection.elements(named: "svg").first?.attributes["width"] ?? "") ?? 0
        #expect(width > SVGPlot.width)
        let legendBox = inspection.elements(named: "rect").first { $0.attributes["stroke"] == "#bbbbbb" }
        let legendLeft = Double(legendBox?.attributes["x"] ?? "") ?? 0
        #expect(legendLeft > SVGPlot.width - 24)  // right of the data area's right edge
        for label in ["measured 0", "law 7"] { #expect(inspection.texts.contains(label)) }
        // Eight slots give eight colours for the eight dashed laws (by position, the eight odd
        // positions of a 10-colour palette would give only five).
        var dashedColours = Set<String>()
        for path in inspection.elements(named: "path") where path.attributes["stroke-dasharray"] != nil {
            if let stroke = path.attributes["stroke"] { dashedColours.insert(stroke) }
        }
        #expect(dashedColours.count == 8)
    }

    @Test func logAxesLabelEveryDecadeInRange() {
        let figure = ReportFigure(
            id: "f", title: "t", xLabel: "n", yLabel: "err",
            series: [PlotSeries(label: "s", points: [(1, 1e-3), (10, 1e-2), (1000, 1)])])
        let texts = inspect(figure).inspection.texts
        for label in ["10⁰", "10¹", "10²", "10³", "10⁻³", "10⁻²", "10⁻¹"] {
            #expect(texts.contains(label), "missing tick label \(label)")
        }
        #expect(texts.contains("n"))
        #expect(texts.contains("err"))
    }

    @Test func logAxesHaveMinorTicks() {
        let figure = ReportFigure(
            id: "f", title: "t", xLabel: "x", yLabel: "y",
            series: [PlotSeries(label: "s", points: [(1, 1), (100, 100)])])
        let paths = inspect(figure).inspection.elements(named: "path")
        let minor = paths.first { $0.attributes["stroke-width"] == "0.8" }?.attributes["d"] ?? ""
        // 2…9 × 10⁰ and 2…9 × 10¹, plus 0.9 in the margin below 10⁰, on both axes.
        #expect(minor.filter { $0 == "M" }.count == 2 * 17)
    }

    @Test func narrowLogRangesAlsoLabelTwoAndFiveTimesPowersOfTen() {
        let figure = ReportFigure(
            id: "f", title: "t", xLabel: "K", yLabel: "err",
            series: [PlotSeries(label: "s", points: [(10, 0.2), (320, 0.006)])])
        let texts = inspect(figure).inspection.texts
        for label in ["10", "20", "50", "100", "200", "0.01", "0.02", "0.05", "0.1", "0.2"] {
            #expect(texts.contains(label), "missing tick label \(label)")
        }
        #expect(!texts.contains("10¹"))
    }

    @Test func legendListsEverySeriesAndReferenceIsDashed() {
        let figure = ReportTestDocument.figure
        let (svg, inspection) = inspect(figure)
        for series in figure.series {
            #expect(inspection.texts.contains(series.label), "legend misses \(series.label)")
        }
        #expect(svg.contains("runs &lt;seed &amp; 1&gt;"))
        let referenceColor = "#2ca02c"
        let dashed = inspection.elements(named: "path").filter {
            $0.attributes["stroke-dasharray"] != nil
        }
        // The series line and its legend sample.
        #expect(dashed.count == 2)
        #expect(dashed.allSatisfy { $0.attributes["stroke"] == referenceColor })
        let solidWithSeriesColor = inspection.elements(named: "path").filter {
            $0.attributes["stroke"] == "#1f77b4" && $0.attributes["stroke-dasharray"] == nil
        }
        #expect(solidWithSeriesColor.count == 2)
        // Measured points have markers, in the plot and in the legend (6 + 1), the markers-only
        // series too (2 + 1).
        #expect(inspection.elements(named: "circle").count == 10)
    }

    @Test(arguments: [ReportFigure.Scale.log, .linear])
    func nonFiniteAndNonPositiveValuesAreSkipped(scale: ReportFigure.Scale) {
        let figure = ReportFigure(
            id: "bad", title: "bad values", xLabel: "x", yLabel: "y", xScale: scale, yScale: scale,
            series: [
                PlotSeries(
                    label: "mixed",
                    points: [
                        (1, 1), (2, .nan), (.nan, 3), (4, .infinity), (-.infinity, 5), (0, 6), (-1, 7),
                        (8, 0), (9, -2), (10, 10), (20, 20),
                    ]),
                PlotSeries(label: "all bad", points: [(.nan, .nan), (.infinity, -.infinity)], style: .reference),
                PlotSeries(label: "empty", points: [], style: .fitted),
            ])
        let (svg, inspection) = inspect(figure)
        #expect(inspection.isWellFormed)
        let lowered = svg.lowercased()
        #expect(!lowered.contains("nan"))
        #expect(!lowered.contains("inf"))
        #expect(inspection.texts.contains("all bad"))
        #expect(inspection.texts.contains("empty"))
    }

    @Test func figureWithoutPlottableDataStillHasAxes() {
        let figure = ReportFigure(
            id: "none", title: "nothing", xLabel: "x", yLabel: "y",
            series: [PlotSeries(label: "zeros", points: [(0, 0), (-1, .nan)])])
        let (svg, inspection) = inspect(figure)
        #expect(inspection.isWellFormed)
        #expect(inspection.texts.contains("no plottable data"))
        for label in ["1", "2", "5", "10"] {
            #expect(inspection.texts.contains(label), "missing tick label \(label)")
        }
        #expect(!svg.lowercased().contains("nan"))
    }

    @Test(arguments: [ReportFigure.Scale.log, .linear])
    func degenerateRangesArePadded(scale: ReportFigure.Scale) {
        for points in [[(x: 5.0, y: 3.0)], [(x: 2.0, y: 7.0), (x: 2.0, y: 7.0), (x: 2.0, y: 7.0)]] {
            let figure = ReportFigure(
                id: "one", title: "single", xLabel: "x", yLabel: "y", xScale: scale, yScale: scale,
                series: [PlotSeries(label: "p", points: points)])
            let (svg, inspection) = inspect(figure)
            #expect(inspection.isWellFormed)
            #expect(!svg.lowercased().contains("nan"))
            #expect(inspection.elements(named: "circle").count == points.count + 1)
            // At least two labelled ticks per axis, besides title, axis labels and legend.
            #expect(inspection.texts.count >= 4 + 4)
        }
    }

    @Test func linearAxesGetNiceTicks() throws {
        let figure = ReportFigure(
            id: "lin", title: "linear", xLabel: "t", yLabel: "v", xScale: .linear, yScale: .linear,
            series: [PlotSeries(label: "line", points: [(0, 0), (10, 0.3)])])
        let texts = inspect(figure).inspection.texts
        for label in ["0", "2", "4", "6", "8", "10", "0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"] {
            #expect(texts.contains(label), "missing tick label \(label)")
        }
        #expect(!texts.contains("0.30000000000000004"))
    }

    @Test func linearTickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for (low, high) in [(-3.7, 12.2), (1e6, 4.5e6), (0.001, 0.0042), (-250.0, -20.0)] {
            let figure = ReportFigure(
                id: "lin", title: "", xLabel: "", yLabel: "", xScale: .linear, yScale: .linear,
                series: [PlotSeries(label: "line", points: [(low, low), (high, high)])])
            let inspection = SVGPlot(figure).svg
            #expect(SVGInspection(inspection).isWellFormed)
            #expect(!inspection.lowercased().contains("nan"))
        }
    }

    @Test func xmlSpecialCharactersAreEscaped() {
        let figure = ReportFigure(
            id: "esc", title: "a < b & \"c\" 'd'", xLabel: "<x>", yLabel: "y & z",
            series: [PlotSeries(label: "</text>", points: [(1, 1), (2, 2)])])
        let (_, inspection) = inspect(figure)
        #expect(inspection.isWellFormed)
        #expect(inspection.texts.contains("a < b & \"c\" 'd'"))
        #expect(inspection.texts.contains("<x>"))
        #expect(inspection.texts.contains("y & z"))
        #expect(inspection.texts.contains("</text>"))
    }
}

@Suite("Figure text and axis ranges a referee can read")
struct FigureReadabilityTests {
    @Test("x_k, x^k and x_{…} become sub- and superscripts; other text stays literal")
    func mathLabels() {
        let label = MathLabel("E‖y_{j*} − û‖ and A^ref_n")
        #expect(label.plain == "E‖yj* − û‖ and Arefn")
        #expect(label.segments.map(\.position) == [.base, .subscript, .base, .superscript, .subscript])
        #expect(MathLabel("snake _case and a_ b").segments.map(\.position) == [.base])
        let svg = MathLabel("q_K").svgContent(size: 12)
        #expect(svg == #"q<tspan dy="3.6" font-size="9">K</tspan>"#)
        let figure = ReportFigure(
            id: "m", title: "W₂(q_K, p_ε)", xLabel: "H_eff", yLabel: "|β_mean|",
            series: [PlotSeries(label: "β_cov", points: [(1, 1), (2, 2)])])
        let svgText = SVGPlot(figure).svg
        #expect(!svgText.contains("_"), "no raw underscore reaches the figure")
        #expect(svgText.contains("<title>W₂(qK, pε)</title>"))
    }

    @Test("a log axis over 0.25…3 spans 0.2…5 with 1-2-5 labels, not 10⁻¹…10¹")
    func narrowLogAxisFitsTheData() {
        let axis = PlotAxis(
            values: [0.25, 0.5, 1, 2, 3], scale: .log, length: 500, tickSpacing: 75, labelExtent: { _ in 20 })
        #expect(abs(pow(10, axis.lower) - 0.2) < 0.02 && abs(pow(10, axis.upper) - 5) < 0.5)
        let labels = axis.ticks.compactMap(\.label)
        #expect(labels == ["0.2", "0.5", "1", "2", "5"])
    }

    @Test("thinned decade labels start at the lowest decade in range")
    func firstDecadeLabelled() {
        let axis = PlotAxis(
            values: [1e-7, 1e5], scale: .log, length: 300, tickSpacing: 75, labelExtent: { _ in 40 })
        let labelled = axis.ticks.filter { $0.label != nil }.map(\.position)
        #expect(labelled.first == -7)
        #expect(labelled.count < 13)
    }

    @Test("a slope guide has the requested log–log slope through the last point")
    func slopeGuide() throws {
        let points: [(x: Double, y: Double)] = [(10, 0.2), (100, 0.03), (1000, 0.002)]
        let guide = try #require(PlotSeries.slopeGuide(slope: -2, through: points, label: "slope −2"))
        #expect(guide.style == .reference && guide.points.count == 2)
        let slope = log10(guide.points[1].y / guide.points[0].y) / log10(guide.points[1].x / guide.points[0].x)
        #expect(abs(slope + 2) < 1e-12)
        #expect(guide.points[1].x == 1000 && abs(guide.points[1].y - 0.002) < 1e-15)
    }
}

@Suite("Error bars")
struct ErrorBarTests {
    @Test("bars are drawn per point with caps, and the axis range covers their ends")
    func barsAndRange() {
        let series = PlotSeries(label: "mean", points: [(1, 1), (2, 2), (3, 3)], colorSlot: 0)
            .withSymmetricErrors([0.5, 0.5, 4])
        let figure = ReportFigure(
            id: "e", title: "t", xLabel: "x", yLabel: "y", xScale: .linear, yScale: .linear, series: [series])
        let plot = SVGPlot(figure)
        #expect(plot.yAxis.upper >= 7 && plot.yAxis.lower <= -1)
        let bars = SVGInspection(plot.svg).elements(named: "path").filter { $0.attributes["stroke-width"] == "1" }
        let data = bars.first?.attributes["d"] ?? ""
        // One vertical stroke and two caps per point.
        #expect(data.filter { $0 == "M" }.count == 9)
    }
}

@Suite("Log axis ends")
struct LogAxisEndTests {
    @Test("an axis running well below its first decade label names the smallest value's decade")
    func lowEndLabelled() {
        let axis = PlotAxis(
            values: [0.0016, 0.07, 1.6], scale: .log, length: 320, tickSpacing: 45, labelExtent: { _ in 18 })
        let labels = axis.ticks.compactMap(\.label)
        #expect(labels.contains("10⁻²") && labels.contains("10⁰"))
        #expect(labels.contains("2×10⁻³") || labels.contains("5×10⁻³"), "\(labels)")
        // One extra label per end: the outermost that fits.
        #expect(labels.filter { $0.hasSuffix("10⁻³") }.count == 1, "\(labels)")
    }
}

@Suite("Series and legend visibility")
struct PlotVisibilityTests {
    static func svg(_ series: [PlotSeries]) -> SVGInspection {
        SVGInspection(
            SVGPlot(
                ReportFigure(id: "f", title: "f", xLabel: "x", yLabel: "y", xScale: .log, yScale: .log, series: series)
            ).svg)
    }

    @Test("a series hidden under a later one is drawn as rings, in the plot and in the legend")
    func coveredSeriesAreRings() {
        let points: [(x: Double, y: Double)] = [(1, 1), (10, 0.1), (100, 0.01)]
        let inspection = Self.svg([
            PlotSeries(label: "reference", points: points),
            PlotSeries(label: "measured", points: points),
            PlotSeries(label: "other", points: points.map { ($0.x, 3 * $0.y) }),
        ])
        let rings = inspection.elements(named: "circle").filter { $0.attributes["fill"] == "none" }
        #expect(rings.count == 3 + 1, "three points and the legend sample")
        let color = PlotPalette.color(at: 0)
        #expect(rings.allSatisfy { $0.attributes["stroke"] == color })
    }

    @Test("series apart from each other keep filled markers")
    func separateSeriesAreNotRings() {
        let inspection = Self.svg([
            PlotSeries(label: "a", points: [(1, 1), (10, 0.1)]),
            PlotSeries(label: "b", points: [(1, 1), (10, 0.5)]),
        ])
        #expect(inspection.elements(named: "circle").allSatisfy { $0.attributes["fill"] != "none" })
    }

    @Test("when every corner of the data area would hide data, the legend moves right of it")
    func legendAvoidsData() {
        // Points in all four corners (and the middle): no corner is free.
        let corners: [(x: Double, y: Double)] = [(1, 1), (1, 1000), (1000, 1), (1000, 1000), (30, 30)]
        let crowded = Self.svg([PlotSeries(label: "corners", points: corners, style: .markers)])
        let width = Double(crowded.elements(named: "svg").first?.attributes["width"] ?? "") ?? 0
        #expect(width > SVGPlot.width)
        // A free top-left corner keeps the legend inside.
        let free = Self.svg([PlotSeries(label: "falling", points: [(1, 1), (1000, 1000)], style: .markers)])
        #expect(free.elements(named: "svg").first?.attributes["width"] == "640")
    }
}

/// A line plot of a ``ReportFigure`` written as a standalone SVG document.
///
/// The plot is `width` × `height` pixels: a framed data area with tick marks, tick labels and
/// grid lines, axis labels, a title and a legend listing every series. Log axes get a major tick
/// at each power of ten (labelled `10ᵏ`, thinned when labels would collide) and minor ticks at
/// 2…9 × 10ᵏ; on axes showing fewer than three decades, 2 × 10ᵏ and 5 × 10ᵏ are labelled too,
/// in plain digits near 1. Linear axes get ticks at 1/2/5 × 10ᵏ steps. The legend sits in a
/// corner of the data area where it hides no point and no line, or else in a column right of it.
/// Series take their colours from a fixed palette in order, and their
/// ``PlotSeries/Style`` decides how they are drawn: `measured` as a solid line with circle
/// markers, `fitted` as a thin solid line, `reference` as a dashed line, `markers` as markers
/// only.
///
/// Points that cannot be plotted — NaN or ±∞ on either axis, or zero or negative values on a log
/// axis — are skipped, and lines are broken where they were. Every coordinate is written with at
/// most two decimals, so the same figure always gives the same bytes.
public struct SVGPlot: Sendable {
    /// Width of the SVG in pixels.
    public static let width = 640.0
    /// Height of the SVG in pixels.
    public static let height = 420.0
    /// The font stack used for all text.
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    static let tickFontSize = 11.0
    static let axisLabelFontSize = 12.0
    static let titleFontSize = 15.0
    static let majorTickLength = 5.0
    static let minorTickLength = 3.0

    /// Figures with more series than this get their legend in a column right of the data area
    /// (the canvas grows to hold it) instead of inside it.
    static let maximumInsideLegendRows = 6

    /// The figure drawn.
    public let figure: ReportFigure
    /// Width of this SVG: ``width``, plus the legend column when the legend is outside.
    private(set) var canvasWidth: Double
    /// Height of this SVG: ``height``, or more when an outside legend needs it.
    private(set) var canvasHeight: Double
    /// Whether the legend sits right of the data area: for figures with many series, and for
    /// those where every corner of the data area would hide a point or a line.
    private(set) var legendOutside: Bool
    let xAxis: PlotAxis
    let yAxis: PlotAxis
    let frame: PlotFrame
    /// Pixel positions of every series' points, `nil` where a point cannot be plotted.
    let projectedSeries: [[(x: Double, y: Double)?]]

    /// Lays out `figure`: axis ranges and ticks from its plottable points, and the data area
    /// sized so the tick labels fit.
    public init(_ figure: ReportFigure) {
        self.figure = figure
        let barEnds = figure.series.flatMap { series in
            zip(series.points, series.errorBars ?? []).flatMap { point, bar in
                [(x: point.x, y: bar.low), (x: point.x, y: bar.high)]
            }
        }
        let plottable = (figure.series.flatMap(\.points) + barEnds).filter { point in
            PlotAxis.transform(point.x, scale: figure.xScale) != nil
                && PlotAxis.transform(point.y, scale: figure.yScale) != nil
        }
        let top = figure.title.isEmpty ? 16.0 : 42.0
        let bottom = Self.height - 52
        let yAxis = PlotAxis(
            values: plottable.map(\.y), scale: figure.yScale, length: bottom - top,
            tickSpacing: 45, labelExtent: { _ in Self.tickFontSize + 6 })
        let widestYLabel =
            yAxis.ticks.compactMap(\.label).map {
                SVGText.estimatedWidth($0, fontSize: Self.tickFontSize)
            }.max() ?? 0
        let left = max(62, (30 + widestYLabel + Self.majorTickLength + 4).rounded(.up))
        let right = Self.width - 24
        let xAxis = PlotAxis(
            values: plottable.map(\.x), scale: figure.xScale, length: right - left,
            tickSpacing: 75, labelExtent: { SVGText.estimatedWidth($0, fontSize: Self.tickFontSize) })
        let frame = PlotFrame(left: left, top: top, right: right, bottom: bottom)
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.frame = frame
        legendOutside = figure.series.count > Self.maximumInsideLegendRows
        canvasWidth = Self.width
        canvasHeight = Self.height
        self.projectedSeries = figure.series.map { series in
            series.points.map { point in
                guard let xFraction = xAxis.fraction(of: point.x),
                    let yFraction = yAxis.fraction(of: point.y)
                else { return nil }
                return frame.point(xFraction: xFraction, yFraction: yFraction)
            }
        }
        if !legendOutside && !figure.series.isEmpty {
            let size = legendBoxSize()
            legendOutside = legendPlacement(width: size.width, height: size.height).covered > 0
        }
        if legendOutside {
            let rows = Double(figure.series.count)
            canvasWidth = Self.width + Self.outsideLegendWidth(figure) + 16
            canvasHeight = max(
                Self.height, top + 2 * Self.legendPadding + Self.legendRowHeight * rows + 12)
        }
    }

    /// The SVG document, ending in a newline.
    public var svg: String {
        let width = SVGText.number(canvasWidth)
        let height = SVGText.number(canvasHeight)
        var lines = [
            ##"<?xml version="1.0" encoding="UTF-8"?>"##,
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(width)" height="\##(height)" "##
                + ##"viewBox="0 0 \##(width) \##(height)" font-family="\##(Self.fontFamily)">"##,
            "<title>\(SVGText.escape(MathLabel(figure.title).plain))</title>",
            ##"<rect x="0" y="0" width="\##(width)" height="\##(height)" fill="#ffffff"/>"##,
        ]
        lines += gridElements()
        lines += seriesElements()
        lines += frameElements()
        lines += tickElements()
        lines += labelElements()
        lines += legendElements()
        lines += emptyPlotElements()
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}

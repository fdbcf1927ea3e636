import Foundation
/// The experiment-specific body of a report: headings, prose, tables and figures in order.
/// The core adds the title, paper, configuration, claims table and provenance around it.
public struct ReportContent: Sendable {
    /// The blocks, rendered in order.
    public var blocks: [ReportBlock]

    public init(_ blocks: [ReportBlock] = []) { self.blocks = blocks }

    /// Appends a section heading (rendered as `##`).
    public mutating func heading(_ text: String) { blocks.append(.heading(text)) }
    /// Appends a paragraph of Markdown text.
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    /// Appends a table (Markdown in the README plus `<id>.csv`).
    public mutating func table(_ table: ReportTable) { blocks.append(.table(table)) }
    /// Appends a figure (`<id>.svg`, embedded in the README).
    public mutating func figure(_ figure: ReportFigure) { blocks.append(.figure(figure)) }
}

/// One element of a report body.
public enum ReportBlock: Sendable {
    /// A `##` heading.
    case heading(String)
    /// A paragraph of Markdown.
    case paragraph(String)
    /// Rendered as a Markdown table and written to `<id>.csv`.
    case table(ReportTable)
    /// Rendered to `<id>.svg` and embedded in the Markdown.
    case figure(ReportFigure)
}

/// A table of results; `id` names its CSV file.
public struct ReportTable: Sendable {
    /// File stem of the CSV; unique within a report.
    public let id: String
    /// Caption.
    public let title: String
    /// Column headers.
    public let columns: [String]
    /// Rows of cells, one per column.
    public var rows: [[ReportCell]]

    public init(id: String, title: String, columns: [String], rows: [[ReportCell]] = []) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A table cell. Numbers print with `digits` significant digits in Markdown and in full
/// round-trip precision in CSV.
public enum ReportCell: Sendable, ExpressibleByStringLiteral {
    /// Literal text.
    case text(String)
    /// A real number shown with `digits` significant digits in Markdown.
    case number(Double, digits: Int = 4)
    /// An exact integer.
    case integer(Int)
    /// Nothing.
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
}

/// A 2-D line plot; `id` names its SVG file.
public struct ReportFigure: Sendable {
    /// Axis scale.
    public enum Scale: Sendable { case linear, log }

    /// File stem of the SVG; unique within a report.
    public let id: String
    /// Title drawn above the plot.
    public let title: String
    /// Horizontal axis label.
    public let xLabel: String
    /// Vertical axis label.
    public let yLabel: String
    /// Horizontal axis scale.
    public let xScale: Scale
    /// Vertical axis scale.
    public let yScale: Scale
    /// Curves, drawn in order and listed in the legend.
    public var series: [PlotSeries]

    public init(
        id: String, title: String, xLabel: String, yLabel: String, xScale: Scale = .log,
        yScale: Scale = .log, series: [PlotSeries] = []
    ) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.series = series
    }
}

/// One curve of a figure.
public struct PlotSeries: Sendable {
    public enum Style: Sendable, Equatable {
        /// Measured data: line with markers.
        case measured
        /// A fitted law: solid thin line, no markers.
        case fitted
        /// A reference (predicted) law: dashed line.
        case reference
        /// Markers only.
        case markers
    }

    /// Legend text.
    public let label: String
    /// The points, in drawing order.
    public let points: [(x: Double, y: Double)]
    /// How the curve is drawn.
    public let style: Style

    /// Palette slot; series sharing a slot share a colour (e.g. a measurement and its predicted
    /// law). `nil` uses the series' position in the figure.
    public let colorSlot: Int?

    /// An uncertainty interval per point (e.g. mean ± 1.96 standard errors), in the order of
    /// ``points``, drawn as vertical bars with caps; `nil` draws none.
    public var errorBars: [(low: Double, high: Double)]?

    public init(
        label: String, points: [(x: Double, y: Double)], style: Style = .measured, colorSlot: Int? = nil
    ) {
        self.label = label
        self.points = points
        self.style = style
        self.colorSlot = colorSlot
        self.errorBars = nil
    }

    /// `self` with bars `value ± halfWidths[i]` around each point (a 95 % interval is ±1.96 SE).
    public func withSymmetricErrors(_ halfWidths: [Double]) -> PlotSeries {
        var copy = self
        copy.errorBars = zip(points, halfWidths).map { (low: $0.y - $1, high: $0.y + $1) }
        return copy
    }

    /// Which point a slope line passes through.
    public enum SlopeAnchor: Sendable { case first, last }

    /// The two ends of the log–log line y = y_a · (x / x_a)^slope over the x range of the
    /// plottable (positive, finite) `points`, through their first or last point a; empty when
    /// there is none.
    public static func slopeLine(
        _ slope: Double, through points: [(x: Double, y: Double)], anchor: SlopeAnchor = .last
    ) -> [(x: Double, y: Double)] {
        let positive = points.filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }
        guard let through = anchor == .first ? positive.first : positive.last,
            let first = positive.map(\.x).min(), let last = positive.map(\.x).max()
        else { return [] }
        return [first, last].map { x in (x: x, y: through.y * pow(x / through.x, slope)) }
    }

    /// A dashed reference line of log–log slope `slope` over the x range of `points`, through
    /// their last point (where an asymptotic rate holds best) — ``slopeLine(_:through:anchor:)``.
    /// `nil` when no point has positive coordinates.
    public static func slopeGuide(
        slope: Double, through points: [(x: Double, y: Double)], label: String, colorSlot: Int? = nil
    ) -> PlotSeries? {
        let line = slopeLine(slope, through: points)
        guard !line.isEmpty else { return nil }
        return PlotSeries(label: label, points: line, style: .reference, colorSlot: colorSlot)
    }
}

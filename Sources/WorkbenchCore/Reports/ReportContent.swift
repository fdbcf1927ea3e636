/// The experiment-specific body of a report: headings, prose, tables and figures in order.
/// The core adds the title, paper, configuration, claims table and provenance around it.
public struct ReportContent: Sendable {
    public var blocks: [ReportBlock]

    public init(_ blocks: [ReportBlock] = []) { self.blocks = blocks }

    public mutating func heading(_ text: String) { blocks.append(.heading(text)) }
    public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    public mutating func table(_ table: ReportTable) { blocks.append(.table(table)) }
    public mutating func figure(_ figure: ReportFigure) { blocks.append(.figure(figure)) }
}

/// One element of a report body.
public enum ReportBlock: Sendable {
    case heading(String)
    case paragraph(String)
    /// Rendered as a Markdown table and written to `<id>.csv`.
    case table(ReportTable)
    /// Rendered to `<id>.svg` and embedded in the Markdown.
    case figure(ReportFigure)
}

/// A table of results; `id` names its CSV file.
public struct ReportTable: Sendable {
    public let id: String
    public let title: String
    public let columns: [String]
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
    case text(String)
    case number(Double, digits: Int = 4)
    case integer(Int)
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
}

/// A 2-D line plot; `id` names its SVG file.
public struct ReportFigure: Sendable {
    public enum Scale: Sendable { case linear, log }

    public let id: String
    public let title: String
    public let xLabel: String
    public let yLabel: String
    public let xScale: Scale
    public let yScale: Scale
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
    public enum Style: Sendable {
        /// Measured data: line with markers.
        case measured
        /// A fitted law: solid thin line, no markers.
        case fitted
        /// A reference (predicted) law: dashed line.
        case reference
        /// Markers only.
        case markers
    }

    public let label: String
    public let points: [(x: Double, y: Double)]
    public let style: Style

    public init(label: String, points: [(x: Double, y: Double)], style: Style = .measured) {
        self.label = label
        self.points = points
        self.style = style
    }
}

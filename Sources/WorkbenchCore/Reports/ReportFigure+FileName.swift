extension ReportFigure {
    /// The SVG file name: `<id>.svg`, see ``ReportFileName``.
    public var svgFileName: String { ReportFileName.make(id, extension: "svg") }
}

extension PlotSeries.Style {
    /// Whether points are joined by a line.
    var drawsLine: Bool { self != .markers }

    /// Whether each point gets a circle marker.
    var drawsMarkers: Bool { self == .measured || self == .markers }

    /// Line width in pixels.
    var strokeWidth: Double {
        switch self {
        case .measured: return 1.6
        case .fitted: return 1.1
        case .reference: return 1.5
        case .markers: return 0
        }
    }

    /// The SVG `stroke-dasharray` of the line, `nil` for solid lines.
    var dashArray: String? { self == .reference ? "6 4" : nil }

    /// Marker radius in pixels.
    static let markerRadius = 3.2
}

/// The fixed colours of plot series, assigned in series order and repeated after the tenth.
enum PlotPalette {
    /// Ten distinguishable colours (the Tableau 10 set) as `#rrggbb`.
    static let colors = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The colour of the series at `index`.
    static func color(at index: Int) -> String { colors[index % colors.count] }
}

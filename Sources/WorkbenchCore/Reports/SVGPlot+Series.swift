extension SVGPlot {
    /// Radius of the ring drawn around the markers of a covered series (see ``coveredSeries()``).
    static let ringRadius = PlotSeries.Style.markerRadius + 2.6

    /// Indices of the series with markers whose every plotted point lies under a marker of a
    /// series drawn later (within a marker radius): their markers are drawn as rings around the
    /// covering ones, so coinciding curves (say an exact reference equal to the measurement)
    /// stay visible.
    func coveredSeries() -> Set<Int> {
        var covered = Set<Int>()
        let reach = PlotSeries.Style.markerRadius
        for (index, series) in figure.series.enumerated() where series.style.drawsMarkers {
            let points = projectedSeries[index].compactMap { $0 }
            let later = figure.series.indices.filter { $0 > index && figure.series[$0].style.drawsMarkers }
                .flatMap { projectedSeries[$0].compactMap { $0 } }
            guard !points.isEmpty, !later.isEmpty else { continue }
            let hidden = points.allSatisfy { point in
                later.contains { abs($0.x - point.x) <= reach && abs($0.y - point.y) <= reach }
            }
            if hidden { covered.insert(index) }
        }
        return covered
    }

    /// A ring around `point` in `color`, for a covered series.
    static func ring(at point: (x: Double, y: Double), color: String) -> String {
        ##"<circle cx="\##(SVGText.number(point.x))" cy="\##(SVGText.number(point.y))" "##
            + ##"r="\##(SVGText.number(ringRadius))" fill="none" stroke="\##(color)" stroke-width="1.6"/>"##
    }

    /// One group per series: its line (broken at unplottable points) and its markers.
    func seriesElements() -> [String] {
        var elements = [String]()
        let covered = coveredSeries()
        for (index, series) in figure.series.enumerated() {
            let color = PlotPalette.color(at: series.colorSlot ?? index)
            let points = projectedSeries[index]
            var group = [String]()
            if series.style.drawsLine, let path = Self.linePath(points) {
                var attributes =
                    ##"fill="none" stroke="\##(color)" "##
                    + ##"stroke-width="\##(SVGText.number(series.style.strokeWidth))" "##
                    + ##"stroke-linejoin="round" stroke-linecap="round""##
                if let dash = series.style.dashArray { attributes += ##" stroke-dasharray="\##(dash)""## }
                group.append(##"<path d="\##(path)" \##(attributes)/>"##)
            }
            if let bars = errorBarPath(series) {
                group.append(##"<path d="\##(bars)" fill="none" stroke="\##(color)" stroke-width="1"/>"##)
            }
            if series.style.drawsMarkers {
                for point in points.compactMap({ $0 }) {
                    group.append(covered.contains(index) ? Self.ring(at: point, color: color) : Self.marker(at: point))
                }
            }
            guard !group.isEmpty else { continue }
            let markerStyle = series.style.drawsMarkers ? ##" fill="\##(color)" stroke="#ffffff""## : ""
            elements.append(##"<g class="series"\##(markerStyle)>"##)
            elements += group
            elements.append("</g>")
        }
        return elements
    }

    /// Vertical bars from each point's low to high end, with 6-pixel caps; an end below a log
    /// axis (≤ 0) is drawn to the bottom of the data area.
    func errorBarPath(_ series: PlotSeries) -> String? {
        guard let bars = series.errorBars else { return nil }
        var data = ""
        for (point, bar) in zip(series.points, bars) {
            guard let xFraction = xAxis.fraction(of: point.x), let highFraction = yAxis.fraction(of: bar.high),
                let top = frame.point(xFraction: xFraction, yFraction: highFraction),
                let bottom = frame.point(xFraction: xFraction, yFraction: max(0, yAxis.fraction(of: bar.low) ?? 0))
            else { continue }
            let x = SVGText.number(top.x)
            data += "M\(x) \(SVGText.number(bottom.y))V\(SVGText.number(top.y))"
            for y in [top.y, bottom.y] {
                data += "M\(SVGText.number(top.x - 3)) \(SVGText.number(y))h6"
            }
        }
        return data.isEmpty ? nil : data
    }

    /// A circle marker (fill and outline come from the enclosing group).
    static func marker(at point: (x: Double, y: Double)) -> String {
        ##"<circle cx="\##(SVGText.number(point.x))" cy="\##(SVGText.number(point.y))" "##
            + ##"r="\##(SVGText.number(PlotSeries.Style.markerRadius))" stroke-width="0.8"/>"##
    }

    /// Path data joining consecutive plottable points; a `nil` starts a new piece. Pieces of one
    /// point are left out. `nil` when nothing remains.
    static func linePath(_ points: [(x: Double, y: Double)?]) -> String? {
        var pieces = [[(x: Double, y: Double)]]()
        var current = [(x: Double, y: Double)]()
        for point in points {
            if let point {
                current.append(point)
            } else {
                pieces.append(current)
                current = []
            }
        }
        pieces.append(current)
        let data = pieces.filter { $0.count >= 2 }.map { piece in
            piece.enumerated().map { offset, point in
                (offset == 0 ? "M" : "L") + SVGText.number(point.x) + " " + SVGText.number(point.y)
            }.joined()
        }.joined()
        return data.isEmpty ? nil : data
    }

    /// A note in the middle of the data area when no point of any series can be plotted.
    func emptyPlotElements() -> [String] {
        guard projectedSeries.allSatisfy({ $0.allSatisfy { $0 == nil } }) else { return [] }
        return [
            text(
                "no plottable data", x: (frame.left + frame.right) / 2,
                y: (frame.top + frame.bottom) / 2, anchor: "middle", size: Self.axisLabelFontSize,
                extra: ##" fill="#888888""##)
        ]
    }
}

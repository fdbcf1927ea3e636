extension SVGPlot {
    static let legendFontSize = 11.0
    static let legendRowHeight = 17.0
    static let legendPadding = 7.0
    static let legendSampleLength = 26.0
    static let legendInset = 8.0

    /// Widest label of a legend placed outside the data area, in pixels.
    static let outsideLegendMaximumTextWidth = 280.0
    static let legendGap = 6.0

    /// Width of the legend column of a figure whose legend sits outside the data area.
    static func outsideLegendWidth(_ figure: ReportFigure) -> Double {
        let widest =
            figure.series.map {
                SVGText.estimatedWidth(MathLabel(MarkdownText.singleLine($0.label)).plain, fontSize: legendFontSize)
            }.max() ?? 0
        return 2 * legendPadding + legendSampleLength + legendGap
            + min(widest, outsideLegendMaximumTextWidth)
    }

    /// The legend's labels, shortened to the width available where it sits.
    func legendLabels() -> [String] {
        let characterWidth = SVGText.estimatedWidth("x", fontSize: Self.legendFontSize)
        let widestAllowed =
            legendOutside
            ? Self.outsideLegendMaximumTextWidth
            : frame.width - 2 * Self.legendInset - 2 * Self.legendPadding
                - Self.legendSampleLength - Self.legendGap
        return figure.series.map {
            Self.shortened(
                MarkdownText.singleLine($0.label), maximumCount: Int(widestAllowed / characterWidth))
        }
    }

    /// Width and height of the legend box, in pixels.
    func legendBoxSize() -> (width: Double, height: Double) {
        let labels = legendLabels()
        let textWidth =
            labels.map { SVGText.estimatedWidth(MathLabel($0).plain, fontSize: Self.legendFontSize) }.max() ?? 0
        return (
            2 * Self.legendPadding + Self.legendSampleLength + Self.legendGap + textWidth,
            2 * Self.legendPadding + Self.legendRowHeight * Double(labels.count) - 4
        )
    }

    /// A boxed legend with one row per series: a short sample of its line and marker, then its
    /// label. It sits in a corner of the data area that hides no data, or in a column right of the
    /// data area (see ``legendOutside``).
    func legendElements() -> [String] {
        guard !figure.series.isEmpty else { return [] }
        let gap = Self.legendGap
        let labels = legendLabels()
        let (boxWidth, boxHeight) = legendBoxSize()
        let box =
            legendOutside
            ? (left: frame.right + 12, top: frame.top)
            : legendPlacement(width: boxWidth, height: boxHeight).corner

        var elements = [
            ##"<g class="legend">"##,
            ##"<rect x="\##(SVGText.number(box.left))" y="\##(SVGText.number(box.top))" "##
                + ##"width="\##(SVGText.number(boxWidth))" height="\##(SVGText.number(boxHeight))" "##
                + ##"fill="#ffffff" fill-opacity="0.9" stroke="#bbbbbb" stroke-width="1" rx="3"/>"##,
        ]
        let covered = coveredSeries()
        for (index, series) in figure.series.enumerated() {
            let color = PlotPalette.color(at: series.colorSlot ?? index)
            let rowCenter = box.top + Self.legendPadding + Self.legendRowHeight * (Double(index) + 0.5) - 2
            let sampleStart = box.left + Self.legendPadding
            let sampleEnd = sampleStart + Self.legendSampleLength
            if series.style.drawsLine {
                var attributes = ##"stroke="\##(color)" stroke-width="\##(SVGText.number(series.style.strokeWidth))""##
                if let dash = series.style.dashArray { attributes += ##" stroke-dasharray="\##(dash)""## }
                elements.append(
                    ##"<path d="M\##(SVGText.number(sampleStart)) \##(SVGText.number(rowCenter))"##
                        + ##"H\##(SVGText.number(sampleEnd))" fill="none" \##(attributes)/>"##)
            }
            if series.style.drawsMarkers {
                let center = ((sampleStart + sampleEnd) / 2, rowCenter)
                elements.append(
                    covered.contains(index)
                        ? Self.ring(at: center, color: color)
                        : ##"<g fill="\##(color)" stroke="#ffffff">"## + Self.marker(at: center) + "</g>")
            }
            elements.append(
                text(
                    labels[index], x: sampleEnd + gap, y: rowCenter + 4, anchor: "start",
                    size: Self.legendFontSize, extra: ##" fill="#222222""##))
        }
        elements.append("</g>")
        return elements
    }

    /// The top-left corner of the legend box: the first of top right, top left, bottom right and
    /// bottom left that covers the fewest plotted points and line samples, and how many it covers.
    func legendPlacement(width: Double, height: Double) -> (corner: (left: Double, top: Double), covered: Int) {
        let inset = Self.legendInset
        let candidates = [
            (frame.right - inset - width, frame.top + inset),
            (frame.left + inset, frame.top + inset),
            (frame.right - inset - width, frame.bottom - inset - height),
            (frame.left + inset, frame.bottom - inset - height),
        ]
        let samples = dataSamples()
        var best = candidates[0]
        var bestCount = Int.max
        for candidate in candidates {
            let box = PlotFrame(
                left: candidate.0 - 4, top: candidate.1 - 4, right: candidate.0 + width + 4,
                bottom: candidate.1 + height + 4)
            let count = samples.filter { box.contains($0) }.count
            if count < bestCount {
                best = candidate
                bestCount = count
            }
        }
        return ((best.0, best.1), bestCount)
    }

    /// Plotted points plus evenly spaced points along every drawn line segment.
    func dataSamples() -> [(x: Double, y: Double)] {
        var samples = [(x: Double, y: Double)]()
        for (index, series) in figure.series.enumerated() {
            let points = projectedSeries[index]
            samples += points.compactMap { $0 }
            guard series.style.drawsLine, points.count >= 2 else { continue }
            for (start, end) in zip(points, points.dropFirst()) {
                guard let start, let end else { continue }
                for step in 1..<10 {
                    let t = Double(step) / 10
                    samples.append((start.x + t * (end.x - start.x), start.y + t * (end.y - start.y)))
                }
            }
        }
        return samples
    }

    /// `label` cut to `maximumCount` characters, ending in `…` when cut.
    static func shortened(_ label: String, maximumCount: Int) -> String {
        guard label.count > maximumCount else { return label }
        return String(label.prefix(max(1, maximumCount - 1))) + "…"
    }
}

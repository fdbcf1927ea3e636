extension SVGPlot {
    /// Light grid lines at the major and labelled ticks of both axes.
    func gridElements() -> [String] {
        var path = ""
        for x in tickPixels(xAxis, along: .horizontal, gridOnly: true) {
            path += "M\(SVGText.number(x.pixel)) \(SVGText.number(frame.top))V\(SVGText.number(frame.bottom))"
        }
        for y in tickPixels(yAxis, along: .vertical, gridOnly: true) {
            path += "M\(SVGText.number(frame.left)) \(SVGText.number(y.pixel))H\(SVGText.number(frame.right))"
        }
        guard !path.isEmpty else { return [] }
        return [##"<path d="\##(path)" fill="none" stroke="#e6e6e6" stroke-width="1"/>"##]
    }

    /// The frame around the data area.
    func frameElements() -> [String] {
        [
            ##"<rect x="\##(SVGText.number(frame.left))" y="\##(SVGText.number(frame.top))" "##
                + ##"width="\##(SVGText.number(frame.width))" height="\##(SVGText.number(frame.height))" "##
                + ##"fill="none" stroke="#333333" stroke-width="1"/>"##
        ]
    }

    /// Tick marks (major and minor, outside the frame) and tick labels of both axes.
    func tickElements() -> [String] {
        var majorPath = ""
        var minorPath = ""
        var labels = [String]()
        for tick in tickPixels(xAxis, along: .horizontal, gridOnly: false) {
            let length = tick.tick.isMajor ? Self.majorTickLength : Self.minorTickLength
            let mark = "M\(SVGText.number(tick.pixel)) \(SVGText.number(frame.bottom))v\(SVGText.number(length))"
            if tick.tick.isMajor { majorPath += mark } else { minorPath += mark }
            if let label = tick.tick.label {
                labels.append(
                    text(
                        label, x: tick.pixel, y: frame.bottom + Self.majorTickLength + 13,
                        anchor: "middle", size: Self.tickFontSize))
            }
        }
        for tick in tickPixels(yAxis, along: .vertical, gridOnly: false) {
            let length = tick.tick.isMajor ? Self.majorTickLength : Self.minorTickLength
            let mark = "M\(SVGText.number(frame.left)) \(SVGText.number(tick.pixel))h\(SVGText.number(-length))"
            if tick.tick.isMajor { majorPath += mark } else { minorPath += mark }
            if let label = tick.tick.label {
                labels.append(
                    text(
                        label, x: frame.left - Self.majorTickLength - 4, y: tick.pixel + 4,
                        anchor: "end", size: Self.tickFontSize))
            }
        }
        var elements = [String]()
        if !majorPath.isEmpty {
            elements.append(##"<path d="\##(majorPath)" fill="none" stroke="#333333" stroke-width="1"/>"##)
        }
        if !minorPath.isEmpty {
            elements.append(##"<path d="\##(minorPath)" fill="none" stroke="#333333" stroke-width="0.8"/>"##)
        }
        if !labels.isEmpty {
            elements.append(##"<g fill="#222222">"##)
            elements += labels
            elements.append("</g>")
        }
        return elements
    }

    /// The title above the data area and the two axis labels.
    func labelElements() -> [String] {
        var elements = [String]()
        let centerX = (frame.left + frame.right) / 2
        if !figure.title.isEmpty {
            elements.append(
                text(
                    figure.title, x: centerX, y: 26, anchor: "middle", size: Self.titleFontSize,
                    extra: ##" font-weight="bold""##))
        }
        if !figure.xLabel.isEmpty {
            elements.append(
                text(
                    figure.xLabel, x: centerX, y: frame.bottom + 40, anchor: "middle",
                    size: Self.axisLabelFontSize))
        }
        if !figure.yLabel.isEmpty {
            let centerY = (frame.top + frame.bottom) / 2
            let rotation = "rotate(-90 20 \(SVGText.number(centerY)))"
            elements.append(
                text(
                    figure.yLabel, x: 20, y: centerY, anchor: "middle", size: Self.axisLabelFontSize,
                    extra: ##" transform="\##(rotation)""##))
        }
        return elements
    }

    /// A `<text>` element; `x_k`, `x^k`, `x_{…}` in `content` become sub- and superscripts
    /// (``MathLabel``).
    func text(
        _ content: String, x: Double, y: Double, anchor: String, size: Double, extra: String = ""
    ) -> String {
        ##"<text x="\##(SVGText.number(x))" y="\##(SVGText.number(y))" text-anchor="\##(anchor)" "##
            + ##"font-size="\##(SVGText.number(size))"\##(extra)>\##(MathLabel(content).svgContent(size: size))</text>"##
    }

    /// Direction of an axis on the page.
    enum AxisDirection { case horizontal, vertical }

    /// The ticks of `axis` inside the data area with their pixel coordinate along the axis;
    /// with `gridOnly`, only those that get a grid line (major or labelled).
    func tickPixels(_ axis: PlotAxis, along direction: AxisDirection, gridOnly: Bool)
        -> [(tick: AxisTick, pixel: Double)]
    {
        axis.ticks.compactMap { tick in
            guard !gridOnly || tick.isMajor || tick.label != nil,
                let fraction = axis.fraction(ofPosition: tick.position),
                fraction >= -1e-9, fraction <= 1 + 1e-9
            else { return nil }
            switch direction {
            case .horizontal: return (tick, frame.left + fraction * frame.width)
            case .vertical: return (tick, frame.bottom - fraction * frame.height)
            }
        }
    }
}

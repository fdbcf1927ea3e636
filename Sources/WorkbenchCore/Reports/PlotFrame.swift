/// The rectangle of an ``SVGPlot``'s data area, in SVG pixels (y grows downwards).
struct PlotFrame {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }

    /// The pixel position of a point given its fractions along the x and y axes.
    func point(xFraction: Double, yFraction: Double) -> (x: Double, y: Double)? {
        let x = left + xFraction * width
        let y = bottom - yFraction * height
        guard x.isFinite, y.isFinite else { return nil }
        return (x, y)
    }

    /// Whether `point` lies inside the rectangle (borders included).
    func contains(_ point: (x: Double, y: Double)) -> Bool {
        point.x >= left && point.x <= right && point.y >= top && point.y <= bottom
    }
}

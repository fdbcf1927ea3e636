#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Least-squares straight line `y ≈ intercept + slope·x`, ordinary or weighted, with the
/// standard error of the slope and its 95 % confidence interval.
///
/// OLS: `slope = Sxy/Sxx`, `se = √(RSS/(N−2)/Sxx)`. WLS with weights `w_i` minimises
/// `Σ w_i r_i²`; the reported standard error scales the weighted covariance by the residual
/// variance `Σ w_i r_i²/(N−2)` (so it does not trust the weights' absolute size). The interval is
/// `slope ± t_{0.975, N−2}·se`. Here `N` counts the points with a positive weight: a point of weight
/// zero does not enter the fit, so it adds no degree of freedom. With exactly two such points the
/// line interpolates and `se` is `nan`.
public struct LinearFit: Sendable, Equatable {
    public let slope: Double
    public let intercept: Double
    /// Standard error of the slope (`nan` when `N ≤ 2`).
    public let slopeStandardError: Double
    /// Lower end of the 95 % confidence interval of the slope.
    public let confidenceLow: Double
    /// Upper end of the 95 % confidence interval of the slope.
    public let confidenceHigh: Double
    /// Coefficient of determination (weighted when weights are given).
    public let rSquared: Double
    /// Number of points used (those with a positive weight; all points for OLS).
    public let pointCount: Int

    /// Fits `y` on `x`.
    ///
    /// - Parameters:
    ///   - x: abscissae; at least two distinct values.
    ///   - y: ordinates, same length.
    ///   - weights: optional non-negative weights, same length (OLS when `nil`).
    /// - Returns: `nil` when the lengths differ, when fewer than two points have a positive weight
    ///   or all of those share one `x`, or when any input is not finite or a weight is negative.
    public init?(x: [Double], y: [Double], weights: [Double]? = nil) {
        let n = x.count
        guard n >= 2, y.count == n, weights.map({ $0.count == n }) ?? true else { return nil }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { return nil }
        let w = weights ?? [Double](repeating: 1, count: n)
        guard w.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let sw = w.reduce(0, +)
        let used = w.reduce(0) { $1 > 0 ? $0 + 1 : $0 }
        guard sw > 0, used >= 2 else { return nil }
        // Decide "all x equal" exactly: the rounded mean of equal values can differ from them, which
        // would leave a tiny positive Sxx and a meaningless slope.
        let usedX = zip(x, w).filter { $0.1 > 0 }.map(\.0)
        guard let firstX = usedX.first, usedX.contains(where: { $0 != firstX }) else { return nil }
        var mx = 0.0
        var my = 0.0
        for i in 0..<n {
            mx += w[i] * x[i]
            my += w[i] * y[i]
        }
        mx /= sw
        my /= sw
        var sxx = 0.0
        var sxy = 0.0
        var syy = 0.0
        for i in 0..<n {
            let dx = x[i] - mx
            let dy = y[i] - my
            sxx += w[i] * dx * dx
            sxy += w[i] * dx * dy
            syy += w[i] * dy * dy
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = my - slope * mx
        var rss = 0.0
        for i in 0..<n {
            let r = y[i] - intercept - slope * x[i]
            rss += w[i] * r * r
        }
        rSquared = syy > 0 ? 1 - rss / syy : 1
        pointCount = used
        if used > 2 {
            slopeStandardError = (rss / Double(used - 2) / sxx).squareRoot()
            let t = StudentT.quantile975(degreesOfFreedom: used - 2)
            confidenceLow = slope - t * slopeStandardError
            confidenceHigh = slope + t * slopeStandardError
        } else {
            slopeStandardError = .nan
            confidenceLow = .nan
            confidenceHigh = .nan
        }
    }

    /// Fits `log y = intercept + slope·log x` — the exponent of a power law `y ≈ C·x^slope`.
    ///
    /// Returns `nil` if any `x` or `y` is not strictly positive (a log-log fit cannot use them).
    public static func powerLaw(x: [Double], y: [Double], weights: [Double]? = nil) -> LinearFit? {
        guard x.allSatisfy({ $0 > 0 }), y.allSatisfy({ $0 > 0 }) else { return nil }
        return LinearFit(x: x.map { log($0) }, y: y.map { log($0) }, weights: weights)
    }

    /// `true` when `value` lies in the 95 % confidence interval.
    public func confidenceIntervalContains(_ value: Double) -> Bool {
        confidenceLow <= value && value <= confidenceHigh
    }
}

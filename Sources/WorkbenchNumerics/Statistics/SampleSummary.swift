#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Mean, unbiased variance and order statistics of a sample.
public struct SampleSummary: Sendable, Equatable {
    /// Number of values.
    public let count: Int
    /// Arithmetic mean (`nan` for an empty sample).
    public let mean: Double
    /// Unbiased variance `Σ(x − x̄)²/(N − 1)` by Welford's update (`nan` when `N < 2`).
    public let variance: Double
    /// Median (linear interpolation between the two middle values for even `N`).
    public let median: Double
    /// Smallest value.
    public let minimum: Double
    /// Largest value.
    public let maximum: Double

    /// Summarises `values`.
    public init(_ values: [Double]) {
        count = values.count
        var m = 0.0
        var s = 0.0
        for (k, value) in values.enumerated() {
            let delta = value - m
            m += delta / Double(k + 1)
            s += delta * (value - m)
        }
        mean = count > 0 ? m : .nan
        variance = count > 1 ? s / Double(count - 1) : .nan
        let sorted = values.sorted()
        median = Self.quantile(sorted: sorted, 0.5)
        minimum = sorted.first ?? .nan
        maximum = sorted.last ?? .nan
    }

    /// Sample standard deviation `√variance`.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Standard error of the mean `sd/√N`.
    public var standardError: Double { standardDeviation / Double(count).squareRoot() }

    /// The `p`-quantile of an ascending sample by linear interpolation (numpy's default rule:
    /// position `p·(N−1)`).
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
}

/// Rank correlations.
public enum RankCorrelation {
    /// Spearman's ρ: the Pearson correlation of the ranks (ties get their average rank).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "spearman: samples must have equal length")
        let rx = ranks(x)
        let ry = ranks(y)
        let n = Double(x.count)
        let mx = rx.reduce(0, +) / n
        let my = ry.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in 0..<x.count {
            sxy += (rx[i] - mx) * (ry[i] - my)
            sxx += (rx[i] - mx) * (rx[i] - mx)
            syy += (ry[i] - my) * (ry[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Average ranks (1-based) of `values`.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for k in start...end { result[order[k]] = averageRank }
            start = end + 1
        }
        return result
    }
}

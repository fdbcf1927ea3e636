import Foundation

/// The suprema of O8 and O9 over cluster shapes (spec `meanfield` part, A7).
///
/// `A = λ e₁e₁ᵀ`, `V = I`, clusters at `y₁ = R` and `y₂ = cR`.
public enum PlateauSearch {
    /// The best O8 value at `n` tokens, with the cluster size `k` and the ratio `c` attaining it.
    public struct Best: Sendable, Equatable {
        public let value: Double
        public let k: Double
        public let c: Double
    }

    /// `count` values of `c` evenly spaced on `[low, high]`.
    public static func ratios(count: Int, low: Double = 0.05, high: Double = 0.95) -> [Double] {
        count == 1 ? [low] : (0..<count).map { low + (high - low) * Double($0) / Double(count - 1) }
    }

    /// Distinct cluster sizes `k ∈ [1, n−1]`, `count` log-spaced values rounded.
    public static func clusterSizes(n: Int, count: Int) -> [Int] {
        guard n >= 2 else { return [] }
        let top = Double(n - 1)
        let values = (0..<count).map { index -> Int in
            let t = count == 1 ? 0 : Double(index) / Double(count - 1)
            return Int(exp(t * log(top)).rounded())
        }
        return Array(Set(values.map { min(max($0, 1), n - 1) })).sorted()
    }

    /// `L*(n; R) = max_{k, c} σ` (O8).
    public static func plateau(n: Int, radius: Double, lambda: Double = 1, sizes: Int, ratios: [Double]) throws
        -> Best
    {
        var best = Best(value: 0, k: 0, c: 0)
        for k in clusterSizes(n: n, count: sizes) {
            for c in ratios {
                let value = try TwoClusterOracle.sigma(lambda: lambda, y1: radius, y2: c * radius, k: k, n: n)
                if value > best.value { best = Best(value: value, k: Double(k), c: c) }
            }
        }
        return best
    }

    /// `sup_{m, c}` of the two-atom mean-field constant (O9), the mass `m` of the atom at `R` on
    /// `masses` log-spaced values in `[10^{−12}, 1 − 10^{−12}]` (both tails).
    public static func meanField(radius: Double, lambda: Double = 1, masses: Int, ratios: [Double]) throws -> Best {
        var grid: [Double] = []
        for index in 0..<masses {
            let m = pow(10, -12 + 12 * Double(index) / Double(max(masses - 1, 1))) / 2
            grid.append(m)
            grid.append(1 - m)
        }
        var best = Best(value: 0, k: 0, c: 0)
        for m in grid where m > 0 && m < 1 {
            for c in ratios {
                let value = try TwoClusterOracle.meanField(lambda: lambda, y1: radius, y2: c * radius, mass: m)
                if value > best.value { best = Best(value: value, k: m, c: c) }
            }
        }
        return best
    }
}

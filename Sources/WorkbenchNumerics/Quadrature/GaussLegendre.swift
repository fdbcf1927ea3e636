#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `n`-point Gauss–Legendre rule on `[−1, 1]`: exact for polynomials of degree ≤ `2n − 1`.
///
/// Nodes are the roots of the Legendre polynomial `P_n`, found by Newton's method from the
/// Chebyshev-like guess `cos(π(i − ¼)/(n + ½))`; weights are `2/((1 − x²)·P_n'(x)²)`.
public struct GaussLegendre: Sendable {
    /// Nodes in ascending order.
    public let nodes: [Double]
    /// Positive weights summing to 2.
    public let weights: [Double]

    /// Builds the rule with `pointCount ≥ 1` nodes.
    public init(pointCount n: Int) {
        precondition(n >= 1, "Gauss–Legendre needs at least one node")
        var x = [Double](repeating: 0, count: n)
        var w = [Double](repeating: 0, count: n)
        for i in 0..<((n + 1) / 2) {
            var z = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0
                var p1 = 0.0
                for k in 0..<n {
                    let p2 = p1
                    p1 = p0
                    p0 = ((2 * Double(k) + 1) * z * p1 - Double(k) * p2) / Double(k + 1)
                }
                derivative = Double(n) * (z * p0 - p1) / (z * z - 1)
                let step = p0 / derivative
                z -= step
                if abs(step) <= 1e-16 { break }
            }
            x[i] = -z
            x[n - 1 - i] = z
            let weight = 2 / ((1 - z * z) * derivative * derivative)
            w[i] = weight
            w[n - 1 - i] = weight
        }
        if n % 2 == 1 { x[n / 2] = 0 }
        nodes = x
        weights = w
    }

    /// `∫_a^b f(t) dt` by this rule mapped affinely onto `[a, b]`.
    public func integrate(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
        let half = 0.5 * (b - a)
        let mid = 0.5 * (b + a)
        var sum = 0.0
        for k in nodes.indices { sum += weights[k] * f(mid + half * nodes[k]) }
        return half * sum
    }

    /// The nodes and weights of this rule on each panel `[b_k, b_{k+1}]` of `breakpoints`
    /// (ascending), concatenated: a composite rule for integrands with localised features.
    public func compositeRule(breakpoints: [Double]) -> (nodes: [Double], weights: [Double]) {
        var allNodes = [Double]()
        var allWeights = [Double]()
        allNodes.reserveCapacity(nodes.count * max(0, breakpoints.count - 1))
        allWeights.reserveCapacity(allNodes.capacity)
        for k in 0..<max(0, breakpoints.count - 1) {
            let a = breakpoints[k]
            let b = breakpoints[k + 1]
            let half = 0.5 * (b - a)
            let mid = 0.5 * (b + a)
            for i in nodes.indices {
                allNodes.append(mid + half * nodes[i])
                allWeights.append(half * weights[i])
            }
        }
        return (allNodes, allWeights)
    }
}

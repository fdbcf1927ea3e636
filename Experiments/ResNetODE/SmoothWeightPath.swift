import Foundation
import WorkbenchNumerics

/// The smooth weight path `Θ(t) = Σ_{k=0}^{K−1} C_k cos(kπt)/(1 + k)`, `t ∈ [0, 1]`, one per
/// parameter group, with the entries of `C_k ~ N(0, s²/fan_in)` (spec §5.3).
///
/// The coefficients are drawn once per (seed, residual) — independent of the depth — so every
/// depth samples the same function: `θ_n = Θ(n/N)`.
struct SmoothWeightPath: Sendable {
    /// `coefficients[k]` holds `C_k`, one matrix per group.
    let coefficients: [LayerWeights]

    /// Draws `modes` coefficient sets of the given group shapes; group `g` has fan-in
    /// `shapes[g].columns` and entries of standard deviation `scale/√fan_in`.
    init<G: RandomNumberGenerator>(
        shapes: [(rows: Int, columns: Int)], modes: Int, scale: Double, using generator: inout G
    ) {
        var coefficients = [LayerWeights]()
        for _ in 0..<modes {
            coefficients.append(
                LayerWeights(
                    groups: shapes.map {
                        Matrix.gaussian(
                            rows: $0.rows, columns: $0.columns,
                            standardDeviation: scale / Double($0.columns).squareRoot(), using: &generator)
                    }))
        }
        self.coefficients = coefficients
    }

    init(coefficients: [LayerWeights]) { self.coefficients = coefficients }

    /// `Θ(t)`.
    func weights(at t: Double) -> LayerWeights {
        guard var result = coefficients.first.map({ $0.scaled(by: 0) }) else {
            return LayerWeights(groups: [])
        }
        for (k, c) in coefficients.enumerated() {
            result.add(c, scaledBy: cos(Double(k) * Double.pi * t) / Double(1 + k))
        }
        return result
    }
}

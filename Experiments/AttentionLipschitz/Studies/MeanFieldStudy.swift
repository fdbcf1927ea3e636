import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// The `meanfield` part (C4, A7, A8): the exact two-cluster sup `L*(n; R)` (O8) for
/// `n = 2^1 … 2^{mfMaxExponent}` and the two-atom mean-field sup (O9), `A = diag(1, 0)`, `V = I`.
///
/// Records per radius `mf.R{R}.plateau` (and the maximiser `mf.R{R}.k`, `mf.R{R}.c`) against n,
/// `mf.R{R}.meanfield` (O9), the onset `mf.R{R}.onset` = the smallest n with
/// `L* ≥ 0.95·L*(n_max)` and `mf.R{R}.exp_gap` = `e^{R²/4}` (the crossover predicted by `n ≈ e^γ`).
struct MeanFieldStudy {
    let context: RunContext

    func run() throws {
        let radii = context[AttentionLipschitzExperiment.mfRadii]
        let top = context[AttentionLipschitzExperiment.mfMaxExponent]
        let sizes = context[AttentionLipschitzExperiment.mfSizes]
        let ratios = PlateauSearch.ratios(count: context[AttentionLipschitzExperiment.mfRatios])
        let masses = context[AttentionLipschitzExperiment.mfMasses]
        _ = try context.parallelMap(radii.count) { index in
            let radius = radii[index]
            var points: [MetricPoint] = []
            var plateau: [(Double, Double)] = []
            for exponent in 1...top {
                let n = 1 << exponent
                let best = try PlateauSearch.plateau(n: n, radius: radius, sizes: sizes, ratios: ratios)
                let x = Double(n)
                plateau.append((x, best.value))
                points += [
                    MetricPoint(Self.key(radius, "plateau"), x: x, best.value),
                    MetricPoint(Self.key(radius, "k"), x: x, best.k),
                    MetricPoint(Self.key(radius, "c"), x: x, best.c),
                ]
            }
            let meanField = try PlateauSearch.meanField(radius: radius, masses: masses, ratios: ratios)
            let last = plateau.last?.1 ?? .nan
            let onset = plateau.first { $0.1 >= 0.95 * last }?.0 ?? .nan
            points += [
                MetricPoint(Self.key(radius, "meanfield"), meanField.value),
                MetricPoint(Self.key(radius, "onset"), onset),
                MetricPoint(Self.key(radius, "exp_gap"), exp(radius * radius / 4)),
            ]
            try context.record(points)
        }
    }

    static func key(_ radius: Double, _ name: String) -> MetricKey {
        MetricKey("mf", .number("R", radius), .name(name))
    }
}

@testable import DiffusionDiscretization

/// The settings of the spec's worked examples (§1.1 defaults).
enum TestSettings {
    static let vpLinear = DiffusionSetting(
        process: .variancePreservingLinear(betaMin: 0.1, betaMax: 20), horizon: 1,
        truncation: 1e-3)
    static let vpCosine = DiffusionSetting(
        process: .variancePreservingCosine(offset: 0.008), horizon: 0.95, truncation: 1e-3)
    static let veEDM = DiffusionSetting(process: .varianceExploding, horizon: 80, truncation: 0.002)

    /// `|a − b| / |b|`.
    static func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }
}

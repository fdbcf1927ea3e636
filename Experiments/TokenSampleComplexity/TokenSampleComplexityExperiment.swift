import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// `token-sample-complexity`: convergence of attention on `n` i.i.d. tokens to its mean-field
/// (infinite-token) limit — Bohbot, Letrouit, Peyré, Vialard, *Token Sample Complexity of
/// Attention* (ICML 2026, arXiv:2512.10656).
///
/// Parts (selected with the core's `parts=`):
/// * `uniform` — `sup_{‖x‖≤R} ‖Γ_{μ_n}(x) − Γ_μ(x)‖ ~ C(R)/√n` for Gaussian tokens, against the
///   exact map `Γ_μ(x) = V(m + ΣAx)` and the exact pointwise constant `C(R)`;
/// * `moments` — mean and covariance of the self-attention outputs `ν_n` against the exact
///   pushforward moments, rates `n^{−β}` against `β(H) = 1/(2(1+H²))`, and the bias–variance
///   split of the error;
/// * `hardmax` — the large-temperature regime: annealed temperature `κ ln n`, hardmax on the
///   sphere by dimension, Gaussian extreme values.
///
/// Every reference is a closed form or a deterministic quadrature, never a large finite sample.
/// All attention is computed by ``SoftmaxAttention`` (dgemm scores, stable blocked softmax).
public struct TokenSampleComplexityExperiment: Experiment {
    public init() {}

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "token-sample-complexity",
            title: "Token sample complexity of attention",
            paper: PaperReference(
                authors: "Léa Bohbot, Cyril Letrouit, Gabriel Peyré, François-Xavier Vialard",
                title: "Token Sample Complexity of Attention", venue: "ICML 2026",
                arxiv: "2512.10656"),
            summary: """
                Attention on n i.i.d. tokens against its exact mean-field limit: the uniform \
                error on a ball of radius R (rate n^-1/2, constant C(R)), the rates n^-beta(H) \
                of the mean and covariance of the transformed tokens across horizons H, and \
                the hardmax regime (logarithmic rates).
                """,
            parameters: Self.parameters, presets: Self.presets, parts: Self.parts, metrics: Self.metricSpecs,
            defaultSeed: 20_251_211, referencePreset: "paper-lite")
    }

    public func report(_ results: RunResults) -> ReportContent {
        TokenSampleComplexityReport(results: results).content
    }
}

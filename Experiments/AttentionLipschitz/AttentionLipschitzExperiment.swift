import WorkbenchCore

/// How Smooth Is Attention? (Castin, Ablin, Peyré, ICML 2024).
///
/// The local Lipschitz constant of self-attention on `B_Rⁿ` is the largest singular value of
/// its `nd × nd` Jacobian. It grows like `√n` for worst-case inputs while `n` is moderate
/// (`n ≪ e^γ`), stops growing in the mean-field regime, grows like about `n^{1/4}` on real
/// text, and grows like `R²` without normalisation (layer normalisation bounds R). The work is
/// split into the parts of ``parts``.
public struct AttentionLipschitzExperiment: Experiment {
    public init() {}

    public var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "attention-lipschitz",
            title: "How smooth is attention?",
            paper: PaperReference(
                authors: "V. Castin, P. Ablin, G. Peyré", title: "How Smooth Is Attention?",
                venue: "ICML 2024", arxiv: "2312.14820"),
            summary: """
                Local Lipschitz constant ‖Df(X)‖₂ of self-attention (largest singular value of the nd × nd \
                Jacobian, matrix-free Golub–Kahan–Lanczos on analytic JVP/VJP): exact oracles; the √n \
                construction, unmasked and causal; the n-independent mean-field plateau (exact two-cluster \
                reduction up to n = 2^16); growth R² without normalisation and the LayerNorm radius; worst \
                cases by gradient ascent; BERT-like random weights; pretrained MiniLM-L6 on real text \
                (≈ n^{1/4}).
                """,
            parameters: Self.parameterDeclarations,
            presets: [Self.paperPreset],
            parts: Self.parts,
            metrics: Self.metricSpecs,
            inputs: Self.inputs,
            defaultSeed: 0)
    }

    public func report(_ results: RunResults) -> ReportContent {
        AttentionLipschitzReport(results: results).content
    }
}

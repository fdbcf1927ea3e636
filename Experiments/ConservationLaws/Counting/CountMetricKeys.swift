import WorkbenchCore

/// The keys of the `count` part: per architecture `count.<arch>.<name>` (coordinate `arch`),
/// the level series `count.<arch>.levels` (x = level), the grid `grid.<arch>.<name>`, the matrix
/// algebra `grid.matrix_lie.n<n>.m<m>`, and the summaries `count.<name>`, `grid.<name>`.
enum CountMetricKeys {
    /// Per-architecture scalars: name and meaning.
    static let perArchitecture: [(name: String, meaning: String)] = [
        ("D", "number of parameters D"),
        ("d", "number of generator fields ∇φ_i"),
        ("n_known", "rank mod p of the known laws' gradients (recorded when the model has known laws)"),
        ("rank_W", "level-0 trace dimension dim W_φ(θ)"),
        ("dim_lie", "trace dimension dim Lie(W_φ)(θ)"),
        ("n_laws", "number of independent laws N = D − dim Lie"),
        ("depth", "bracket levels that added a direction"),
        ("brackets_evaluated", "lazy bracket values computed (order dependent)"),
        ("brackets_formed", "bracket polynomials formed (order dependent)"),
        ("max_terms", "largest number of terms of a field (order dependent)"),
        ("max_degree", "largest degree of a field"),
        ("max_abs_coef", "largest |integer coefficient|"),
        ("rank_float", "float rank of the row-normalized values at θ_f (σ > floatRelTol·σ₁)"),
        ("gap_log10", "log10 σ_k/σ_{k+1} at the exact rank k (+∞ when σ_{k+1} is 0 or absent)"),
        ("modp_float_agree", "1 when the float rank equals the rank mod p"),
        ("closed_form", "closed-form law count (spec §3)"),
        ("match_closed_form", "1 when n_laws equals the closed form"),
        ("known_orthogonal", "1 when every known law's gradient is ⊥ mod p to every generator and accepted bracket"),
        ("capped", "1 when a bracket exceeded maxTermsPerField (the count is then a lower bound on dim Lie)"),
    ]

    static func architecture(_ architecture: String, _ name: String) -> MetricKey {
        MetricKey("count", .text("arch", architecture), .name(name))
    }

    static func grid(_ architecture: String, _ name: String) -> MetricKey {
        MetricKey("grid", .text("arch", architecture), .name(name))
    }

    static let gridPerArchitecture: [(name: String, meaning: String)] = [
        ("n_laws", "2-layer grid: N = D − dim Lie"),
        ("rank_W", "2-layer grid: dim W_φ(θ)"),
        ("dim_lie", "2-layer grid: dim Lie(W_φ)(θ)"),
        ("depth", "2-layer grid: bracket levels that added a direction"),
        ("closed_form", "2-layer grid: L(n, r, m)"),
    ]

    static let summaries: [(key: String, meaning: String, onlyWhen: String?)] = [
        ("count.n_archs", "architectures counted", nil),
        ("count.all_match", "1 when every architecture's n_laws equals its closed form", nil),
        ("count.modp_float_agree_all", "1 when the float rank equals the rank mod p on every architecture", nil),
        ("count.min_gap_log10", "smallest float gap log10 σ_k/σ_{k+1} over the architectures", nil),
        (
            "count.known_agree_all",
            "1 when n_laws = n_known on every architecture with known laws outside the exceptions", nil
        ),
        ("count.known_orthogonal_all", "1 when the known laws are verified orthogonal on every architecture", nil),
        ("count.capped_archs", "architectures whose brackets hit maxTermsPerField", nil),
        ("count.eval_points", "random points per architecture (Schwartz–Zippel: a probabilistic verification)", nil),
        ("count.prime_bits", "the modulus is the Mersenne prime 2^61 − 1", nil),
        (
            "count.relu_no_brackets", "1 when every ReLU net has rank_W = dim_lie = D − Σ hidden widths and depth 0",
            "the architectures include a ReLU net"
        ),
        (
            "count.exceptions_confirmed",
            "1 when every deep scalar-in/scalar-out linear net has n_laws = D − 1 > n_known",
            "the architectures include such a net"
        ),
        ("grid.cases", "2-layer linear grid cases", nil),
        ("grid.n_laws_match", "fraction of grid cases with N = L(n, r, m)", nil),
        ("grid.rank_W_match", "fraction of grid cases with dim W = s(c − s)", nil),
        ("grid.depth_ok", "fraction of grid cases with at most one bracket level, none when s(c − s) = dim Lie", nil),
        ("grid.matrix_lie_match", "fraction of (n, m) whose commutator closure has dimension c(c − 1)/2", nil),
    ]

    /// The metric families of the `count` part.
    static var specs: [MetricSpec] {
        perArchitecture.map {
            MetricSpec(
                "count.{arch}.\($0.name)", $0.meaning,
                recordedOnlyWhen: $0.name == "n_known" ? "the model has known laws" : nil)
        }
            + [MetricSpec("count.{arch}.levels", "trace dimension dim W_k(θ) after level k", unit: "vs level k")]
            + [
                MetricSpec(
                    "count.{arch}.seconds", "wall-clock seconds of the architecture's count (all its points)",
                    unit: "s", wallClockTiming: true)
            ]
            + gridPerArchitecture.map { MetricSpec("grid.{arch}.\($0.name)", $0.meaning) }
            + [MetricSpec("grid.matrix_lie.{n}.{m}", "dimension of the matrix Lie algebra generated by the A_ij")]
            + summaries.map { MetricSpec($0.key, $0.meaning, recordedOnlyWhen: $0.onlyWhen) }
    }
}

import WorkbenchCore

extension ConservationLawsReport {
    /// The momentum table: gradient-flow and heavy-ball counts side by side, and the RK4 check.
    func addMomentumSection(to content: inout ReportContent) {
        let archs = results.parameters[ConservationLawsExperiment.momentumArchs].filter {
            results.scalar("momentum.\($0).n_laws_mf") != nil
        }
        guard !archs.isEmpty else { return }
        content.heading("Beyond the paper: momentum flows")
        content.paragraph(
            """
            Heavy ball θ̈ + τθ̇ = −∇E with τ = \(ReportNumber.format(results.parameters[ConservationLawsExperiment.momentumTau])) \
            (Marcotte, Gribonval, Peyré, Keep the Momentum, ICML 2024): laws live in the phase space (s, θ, θ̇) of \
            dimension 2D + 1 and may depend on time through s = e^{τt}; their number is 2D + 1 − dim Lie(X_0, Y_i). \
            The explicit law is the angular momentum e^{τt}(L − Lᵀ), L = UᵀU̇ + VᵀV̇. RK4: relative drift of that law \
            \(results.scalar("momentum.rk4.antisym_drift_rel").map { ReportNumber.format($0) } ?? "—"), drift of UᵀU − VᵀV \
            \(results.scalar("momentum.rk4.gf_law_drift").map { ReportNumber.format($0) } ?? "—").
            """)
        var table = ReportTable(
            id: "momentum", title: "Laws of the gradient flow and of the heavy-ball flow",
            columns: [
                "architecture", "D", "phase dim", "laws (flow)", "laws (heavy ball)", "explicit laws", "explicit ⊥",
            ])
        for arch in archs {
            func value(_ name: String) -> Double? { results.scalar("momentum.\(arch).\(name)") }
            let phase = value("phase_dim")
            let orthogonal = value("explicit_orthogonal").map { $0 == 1 ? "yes" : "no" } ?? ""
            table.rows.append([
                .text(arch), integer(phase.map { ($0 - 1) / 2 }), integer(phase), integer(value("n_laws_gf")),
                integer(value("n_laws_mf")), integer(value("n_explicit")), .text(orthogonal),
            ])
        }
        content.table(table)
    }

    /// The NMF mirror-flow counts.
    func addMirrorSection(to content: inout ReportContent) {
        let archs = results.parameters[ConservationLawsExperiment.mirrorArchs].filter {
            results.scalar("mirror.\($0).n_laws") != nil
        }
        guard !archs.isEmpty else { return }
        content.heading("Beyond the paper: the NMF mirror flow")
        content.paragraph(
            """
            θ' = −θ ⊙ ∇E for φ = UV (U ∈ R^{n1×n2}, V ∈ R^{n2×n3}): the generators are θ ⊙ ∇φ_i. Known laws: \
            Σ_i U_ik − Σ_j V_kj, one per k < n2.
            """)
        var table = ReportTable(
            id: "mirror", title: "Laws of the mirror flow",
            columns: ["architecture", "D", "laws N", "known", "known ⊥"])
        for arch in archs {
            func value(_ name: String) -> Double? { results.scalar("mirror.\(arch).\(name)") }
            table.rows.append([
                .text(arch), integer(value("D")), integer(value("n_laws")), integer(value("n_known")),
                .text(value("known_orthogonal") == 1 ? "yes" : "no"),
            ])
        }
        content.table(table)
    }
}

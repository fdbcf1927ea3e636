import WorkbenchCore

extension ConservationLawsReport {
    /// The 2-layer linear grid: N by (n, m) and r, with the closed form L(n, r, m) where they differ.
    func addGridTable(to content: inout ReportContent) {
        let widths = results.parameters[ConservationLawsExperiment.gridMaxWidth]
        let ranks = results.parameters[ConservationLawsExperiment.gridMaxRank]
        guard results.scalar("grid.cases") != nil else { return }
        content.heading("2-layer linear grid")
        content.paragraph(
            """
            U ∈ R^{n×r}, V ∈ R^{m×r}: the number of laws N with the levels dim W > dim Lie. \
            Each cell shows N (and L(n, r, m) after a slash if they differ); levels in brackets.
            """)
        var table = ReportTable(
            id: "grid", title: "N by (n, m) and r", columns: ["n", "m"] + (1...ranks).map { "r = \($0)" })
        for n in 1...widths {
            for m in 1...widths {
                var row: [ReportCell] = [.integer(n), .integer(m)]
                for r in 1...ranks {
                    let arch = "lin:\(n)-\(r)-\(m)"
                    guard let laws = results.scalar("grid.\(arch).n_laws") else {
                        row.append(.empty)
                        continue
                    }
                    let closed = results.scalar("grid.\(arch).closed_form") ?? laws
                    let rankW = Int(results.scalar("grid.\(arch).rank_W") ?? 0)
                    let lie = Int(results.scalar("grid.\(arch).dim_lie") ?? 0)
                    let levels = rankW == lie ? "\(rankW)" : "\(rankW)>\(lie)"
                    row.append(.text("\(Int(laws))\(closed == laws ? "" : "/\(Int(closed))") [\(levels)]"))
                }
                table.rows.append(row)
            }
        }
        content.table(table)
    }

    /// The polynomial-law search.
    func addPolynomialTable(to content: inout ReportContent) {
        let archs = ConservationLawsExperiment.polyArchitectures(results)
        guard !archs.isEmpty else { return }
        content.heading("Polynomial laws")
        content.paragraph(
            """
            Homogeneous polynomial laws of degree \(results.parameters[ConservationLawsExperiment.polyDegree]): the \
            kernel of the system ∇m_α(θ_s)·X_i(θ_s) a = 0 over random points (grown until its rank stalled for 3 \
            points), mod p and in floating point. The number of independent laws is the gradient rank of the \
            kernel polynomials, which can be smaller than the kernel dimension (extra invariants that are \
            functions of the others).
            """)
        var table = ReportTable(
            id: "polynomial-laws", title: "Polynomial-law search",
            columns: [
                "architecture", "unknowns M", "points", "kernel", "float kernel", "gradient rank", "N", "known",
                "known in kernel", "max angle (rad)",
            ])
        for arch in archs {
            func value(_ name: String) -> Double? { results.scalar("poly.\(arch).\(name)") }
            table.rows.append([
                .text(arch), integer(value("unknowns")), integer(value("points_used")), integer(value("kernel_dim")),
                integer(value("float_kernel_dim")), integer(value("grad_rank")), integer(value("n_laws")),
                integer(value("n_known")), .text(value("known_in_kernel") == 1 ? "yes" : "no"),
                number(value("max_principal_angle"), digits: 2),
            ])
        }
        content.table(table)
        addFoundLaws(to: &content)
    }

    /// `poly_laws`: the float kernel of each architecture in reduced row-echelon form
    /// (coefficients rounded to 1e−9), from the part's artifact.
    private func addFoundLaws(to content: inout ReportContent) {
        guard let artifact = results.artifact(PolyStudy.lawsArtifact) else { return }
        var table = ReportTable(
            id: "poly_laws", title: "The kernel polynomials in reduced row-echelon form (coefficients to 1e−9)",
            columns: ["architecture", "law", "polynomial"])
        for line in artifact.content.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            table.rows.append([.text(fields[0]), .text(fields[1]), .text(fields[2])])
        }
        guard !table.rows.isEmpty else { return }
        content.paragraph(
            """
            The kernel polynomials themselves (U_l[i,j] is entry (i, j) of layer l, U_1 the output layer; \
            b_l[j] a hidden bias). Pivot monomials come first in the basis order, so each law has exactly one \
            pivot monomial with coefficient 1.
            """)
        content.table(table)
    }
}

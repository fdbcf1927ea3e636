import WorkbenchCore

extension ConservationLawsReport {
    /// The architecture table: one row per counted architecture, in the order of the run.
    func addArchitectureTable(to content: inout ReportContent) {
        let names = Set(
            results.metrics.compactMap { point -> String? in
                guard point.key.hasPrefix("count."),
                    let coordinate = point.coordinates.first(where: { $0.name == "arch" }),
                    case .text(let arch) = coordinate.value
                else { return nil }
                return arch
            })
        let order = results.parameters[ConservationLawsExperiment.archs]
        let architectures = order.filter(names.contains) + names.subtracting(order).sorted()
        guard !architectures.isEmpty else { return }
        content.heading("Architectures")
        content.paragraph(
            """
            N = D − dim Lie(W_phi)(theta), the number of independent conservation laws, computed with \
            exact ranks modulo the prime 2^61 − 1 at \(Int(results.scalar("count.eval_points") ?? 0)) random \
            points per architecture (maximum over the points). A rank mod p at random points is a \
            probabilistic verification (Schwartz–Zippel), not a proof: a wrong count needs the point to hit \
            a polynomial's zero set, probability about deg/p. Levels list dim W_k(theta) for k = 0, 1, …; \
            the float gap is log10 σ_k/σ_{k+1} of the row-normalized values at a Gaussian point. Seconds \
            are the wall-clock time of an architecture's count (all its points, one core; two \
            architectures run at a time): a timing, not part of the result digest.
            """)
        addPaperTiming(to: &content, architectures: architectures)
        var table = ReportTable(
            id: "counts", title: "Law counts by architecture",
            columns: [
                "architecture", "D", "d", "levels", "laws N", "known", "closed form", "agree", "float rank",
                "gap log10", "seconds",
            ])
        for arch in architectures {
            func value(_ name: String) -> Double? { results.scalar("count.\(arch).\(name)") }
            func integer(_ name: String) -> ReportCell { self.integer(value(name)) }
            let levels = results.series("count.\(arch).levels").map { String(Int($0.value)) }.joined(separator: ">")
            let agrees = value("match_closed_form") == 1 ? "yes" : "no"
            table.rows.append([
                .text(arch), integer("D"), integer("d"), .text(levels), integer("n_laws"), integer("n_known"),
                integer("closed_form"), .text(agrees), integer("rank_float"),
                value("gap_log10").map { .number($0, digits: 3) } ?? .empty,
                value("seconds").map { .number($0, digits: 3) } ?? .empty,
            ])
        }
        content.table(table)
    }

    /// With the paper's lists: their counting time next to the authors' stored notebook times.
    private func addPaperTiming(to content: inout ReportContent, architectures: [String]) {
        let lists: [(name: String, members: [String], authors: String)] = [
            ("C", ConservationLawsExperiment.paperLinearArchitectures, "34 min 23 s"),
            ("D", ConservationLawsExperiment.paperReluArchitectures, "1 h 53 min 11 s"),
        ]
        var sentences = [String]()
        for list in lists where Set(list.members).isSubset(of: Set(architectures)) {
            let seconds = list.members.compactMap { results.scalar("count.\($0).seconds") }.reduce(0, +)
            sentences.append(
                "list \(list.name) (\(list.members.count) nets): \(ReportNumber.format(seconds, digits: 3)) s here "
                    + "against the authors' \(list.authors)")
        }
        guard !sentences.isEmpty else { return }
        content.paragraph(
            "Counting time (wall-clock, summed over the architectures of a list; each ran on one core, two at a time, on a shared 2-core machine): "
                + sentences.joined(separator: "; ")
                + " — the authors' times are those stored in their SageMath notebook, run on 64 cores.")
    }
}

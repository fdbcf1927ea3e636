import WorkbenchCore

/// Builds the experiment's report body from recorded results only (a pure function of
/// ``RunResults``): convergence tables and figures (E1), the kernel κ(λ) (E2), the η and p
/// sweeps (E3, E4), the Monte Carlo cross-check, the exactness oracles and the Heun/DDIM study —
/// each section when its part was selected, laid out from the parameters that part read.
struct DiffusionDiscretizationReport {
    let results: RunResults
    /// The names of the parts the run selected.
    let parts: Set<String>

    var content: ReportContent {
        var content = ReportContent()
        let parameters = results.parameters
        do {
            if parts.contains("convergence") { addConvergence(&content, try ConvergenceStudy(parameters)) }
            if parts.contains("kernel") { addKernel(&content, try KernelStudy(parameters)) }
            if parts.contains("sweeps") { addSweeps(&content, try GeometrySweep(parameters)) }
            if parts.contains("monte-carlo") { addMonteCarlo(&content) }
            if parts.contains("oracles") { addOracles(&content, try OracleStudy(parameters)) }
            if parts.contains("extensions") { addExtensions(&content, try ExtensionStudy(parameters)) }
        } catch {
            content.paragraph("The run's parameters could not be interpreted (\(error)); no further tables are shown.")
        }
        return content
    }

    /// A number cell, or empty when the metric is missing.
    func cell(_ value: Double?, digits: Int = 4) -> ReportCell {
        value.map { .number($0, digits: digits) } ?? .empty
    }

    /// Keeps the strictly positive points (log axes cannot show the others).
    func positive(_ points: [(x: Double, value: Double)]) -> [(x: Double, y: Double)] {
        points.filter { $0.x > 0 && $0.value > 0 && $0.value.isFinite }.map { (x: $0.x, y: $0.value) }
    }

    /// Both values, if both exist.
    func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
        guard let a, let b else { return nil }
        return (a, b)
    }
}

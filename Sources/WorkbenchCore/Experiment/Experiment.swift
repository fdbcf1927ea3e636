/// A reproducible numerical experiment from one paper.
///
/// Conformers declare everything as data in ``descriptor`` and compute in ``run(_:)``, recording
/// metrics through the context. They never touch the database, seeds, clocks or signals: the
/// runner owns those. ``report(_:)`` turns recorded results (read back from the database) into
/// tables and figures; it must be a pure function of its input so reports are byte-for-byte
/// reproducible.
public protocol Experiment: Sendable {
    /// Identity, parameters, presets, claims and metrics.
    var descriptor: ExperimentDescriptor { get }

    /// Computes and records the metrics for `context.parameters`.
    ///
    /// - Throws: any error; the runner records the run as `failed` with its description.
    func run(_ context: RunContext) throws

    /// The experiment-specific part of the report: result tables and figures.
    func report(_ results: RunResults) -> ReportContent
}

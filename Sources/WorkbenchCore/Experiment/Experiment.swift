/// A reproducible numerical experiment from one paper.
///
/// Conformers declare everything as data in ``descriptor`` — parameters, presets, the parts of
/// the work with the claims each decides, metrics and inputs — and compute in the parts' `run`
/// closures, recording metrics through the context. They never touch the database, seeds,
/// clocks or signals: the runner owns those. ``report(_:)`` turns recorded results (read back
/// from the database) into tables and figures; it must be a pure function of its input so
/// reports are byte-for-byte reproducible.
public protocol Experiment: Sendable {
    /// Identity, parameters, presets, parts, claims, metrics and inputs.
    var descriptor: ExperimentDescriptor { get }

    /// The experiment-specific part of the report: result tables and figures.
    func report(_ results: RunResults) -> ReportContent
}

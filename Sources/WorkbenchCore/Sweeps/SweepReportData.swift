import WorkbenchStore

/// Everything a sweep report is rendered from, read back from the database.
public struct SweepReportData: Sendable {
    /// One cell with its current run and that run's claim checks (empty unless finished).
    public struct Cell: Sendable {
        public let index: Int
        /// Swept assignments in axis order.
        public let assignments: [(key: String, value: String)]
        public let seed: UInt64
        public let status: SweepCellStatus
        public let runID: String?
        public let checks: [StoredCheck]
        /// Provenance of the cell's run.
        public let run: RunRecord?
    }

    public let descriptor: ExperimentDescriptor
    public let sweep: StoredSweep
    public let spec: SweepSpecification
    public let cells: [Cell]
    /// Database file name, for the provenance footer.
    public let databaseName: String

    /// Loads sweep `sweep` of `descriptor`'s experiment from `store`.
    public static func load(
        _ store: RunStore, sweep: StoredSweep, descriptor: ExperimentDescriptor, databaseName: String
    ) throws -> SweepReportData {
        let spec = try SweepSpecification.decode(sweep.spec)
        let cells = try store.cells(ofSweep: sweep.sweepID).map { cell -> Cell in
            let finished = cell.status == .finished ? cell.runID : nil
            return Cell(
                index: cell.cellIndex, assignments: spec.cell(cell.cellIndex).assignments, seed: cell.seed,
                status: cell.status, runID: cell.runID, checks: try finished.map { try store.checks($0) } ?? [],
                run: try cell.runID.map { try store.run($0) })
        }
        return SweepReportData(
            descriptor: descriptor, sweep: sweep, spec: spec, cells: cells, databaseName: databaseName)
    }

    /// The claims in the order of the experiment's declaration (claims no finished cell
    /// checked are left out).
    public var claims: [String] {
        let checked = Set(cells.flatMap { $0.checks.map(\.claim) })
        let declared = descriptor.parts.flatMap { $0.claims.map(\.id) }
        return declared.filter { checked.contains($0) } + checked.subtracting(declared).sorted()
    }

    /// The cells' checks of `claim`, with their cells, in cell order.
    public func checks(of claim: String) -> [(cell: Cell, check: StoredCheck)] {
        cells.compactMap { cell in cell.checks.first { $0.claim == claim }.map { (cell, $0) } }
    }
}

import WorkbenchStore

/// A run's identity and provenance as stored in the `runs` table (see ``RunRecord``).
public typealias RunProvenance = RunRecord

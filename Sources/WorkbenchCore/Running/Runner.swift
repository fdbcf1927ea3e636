import Foundation
import WorkbenchNumerics
import WorkbenchStore

/// What to run: an experiment, its validated parameters and where to record it.
public struct RunRequest: Sendable {
    /// The experiment to run.
    public let experiment: any Experiment
    /// Validated parameters.
    public let parameters: ParameterSet
    /// Preset name, recorded with the run.
    public let preset: String
    /// Master seed.
    public let seed: UInt64
    /// Database file (created and migrated if needed).
    public let databasePath: String
    /// Worker threads for the experiment's parallel loops.
    public let workers: Int
    /// The command line, stored for provenance.
    public let commandLine: String
    /// Set by `verify`: the run being re-executed.
    public let rerunOf: String?
    /// Where declared inputs are looked up.
    public let inputLocation: InputLocation
    /// Name, note and tags given on the command line.
    public let labels: RunLabels
    /// The sweep cell this run computes, if any (`runs.sweep_id`, `runs.cell_index`).
    public let sweepCell: (sweepID: String, cellIndex: Int)?

    public init(
        experiment: any Experiment, parameters: ParameterSet, preset: String, seed: UInt64,
        databasePath: String, workers: Int, commandLine: String, rerunOf: String? = nil,
        inputLocation: InputLocation = InputLocation(environment: ProcessInfo.processInfo.environment),
        labels: RunLabels = RunLabels(), sweepCell: (sweepID: String, cellIndex: Int)? = nil
    ) {
        self.experiment = experiment
        self.parameters = parameters
        self.preset = preset
        self.seed = seed
        self.databasePath = databasePath
        self.workers = workers
        self.commandLine = commandLine
        self.rerunOf = rerunOf
        self.inputLocation = inputLocation
        self.labels = labels
        self.sweepCell = sweepCell
    }
}

/// What a person attaches to a run to find it again: a unique name, a note and `key=value` tags.
public struct RunLabels: Sendable {
    public var name: String?
    public var note: String?
    public var tags: [(key: String, value: String)]

    public init(name: String? = nil, note: String? = nil, tags: [(key: String, value: String)] = []) {
        self.name = name
        self.note = note
        self.tags = tags
    }
}

/// How a run ended.
public struct RunOutcome: Sendable {
    /// The run's id.
    public let runID: String
    /// `finished` or `failed`; `nil` if the row had already been ended by someone else, so this
    /// process recorded nothing at the end.
    public let status: RunStatus?
    /// Claim verdicts (empty unless finished).
    public let checks: [CheckResult]
    /// SHA-256 over the metric bits (finished runs).
    public let resultDigest: String?
    /// Wall-clock duration in seconds.
    public let durationSeconds: Double
    /// Error text of a failed run.
    public let error: String?
}

/// Errors that stop a run before it starts.
public enum RunnerError: Error, CustomStringConvertible {
    /// A required input is missing or has the wrong hash.
    case missingInput(String)

    public var description: String {
        switch self {
        case .missingInput(let reason): return reason
        }
    }
}

/// Owns a run's lifecycle: the `running` row, seeding, timing, provenance, inputs, metric
/// storage, part selection, claim evaluation, the result digest and the final status — on every
/// exit path.
public enum Runner {
    /// Runs `request` to completion.
    ///
    /// Declared inputs of the selected parts are found and hashed first: a missing required input
    /// stops the run before its row exists; a missing optional one skips the parts that need it.
    /// The run row is committed as `running` before the first part starts. If a part throws, the
    /// run ends `failed` with the error text and the outcome says so (this function does not
    /// rethrow it). SIGINT/SIGTERM end it `killed` (see ``TerminationSignals``).
    ///
    /// - Throws: ``RunnerError`` for a missing required input; database failures.
    public static func execute(_ request: RunRequest, progress: ProgressReporter? = nil) throws -> RunOutcome {
        let descriptor = request.experiment.descriptor
        let inputs = InputResolver.resolve(descriptor, parameters: request.parameters, location: request.inputLocation)
        for input in descriptor.inputs where !input.isOptional {
            if let reason = inputs.missing[input.id] { throw RunnerError.missingInput(reason) }
        }
        let store = try RunStore(path: request.databasePath)
        let runID = RunIdentifier.random()
        let source = ProvenanceCollector.sourceState(programBuiltAt: ProvenanceCollector.programModificationDate)
        var record = ProvenanceCollector.newRunRecord(
            runID: runID, experiment: descriptor.id, preset: request.preset, seed: request.seed,
            configHash: request.parameters.configHash(experiment: descriptor.id),
            workers: request.workers, commandLine: request.commandLine, rerunOf: request.rerunOf, source: source)
        record.name = request.labels.name
        record.note = request.labels.note
        record.sweepID = request.sweepCell?.sweepID
        record.cellIndex = request.sweepCell?.cellIndex
        let recorder = RunRecorder(runID: runID, store: store)
        let started = Date()
        // The handler is in place before the row exists: a signal during the insert waits for
        // it (the recorder's lock) and then ends the run as killed.
        TerminationSignals.setHandler { signalNumber in
            _ = try? recorder.finalize(
                status: .killed, durationSeconds: Date().timeIntervalSince(started), resultDigest: nil,
                error: "terminated by \(TerminationSignals.name(of: signalNumber))", checks: [])
        }
        defer { TerminationSignals.setHandler(nil) }
        try recorder.insert(
            record, parameters: request.parameters.storedParameters,
            inputs: inputs.found.values.sorted { $0.id < $1.id }.map(\.storedInput), tags: request.labels.tags)
        if let patch = source.patch {
            try recorder.append(
                RunArtifact(name: ProvenanceCollector.patchArtifactName, mediaType: "text/x-diff", content: patch))
        }
        recorder.startBackgroundWrites()

        let context = RunContext(
            parameters: request.parameters, seed: request.seed, workerCount: request.workers,
            sink: recorder, progress: progress, inputs: inputs.found)
        let skipped: ClaimEvaluator.SkippedParts
        do {
            skipped = try PartExecution.run(descriptor, context: context, missingInputs: inputs.missing)
        } catch {
            let duration = Date().timeIntervalSince(started)
            let message = String(describing: error)
            let ended = try recorder.finalize(
                status: .failed, durationSeconds: duration, resultDigest: nil, error: message, checks: [])
            return RunOutcome(
                runID: runID, status: ended ? .failed : nil, checks: [], resultDigest: nil,
                durationSeconds: duration, error: ended ? message : "\(message); the run row had already ended")
        }
        let points = context.recordedPoints
        let results = RunResults(
            runID: runID, experiment: descriptor.id, preset: request.preset, seed: request.seed,
            parameters: request.parameters, metrics: points)
        let checks = ClaimEvaluator.evaluate(descriptor, on: results, skipped: skipped)
        let digest = ResultDigest.of(descriptor.reproducible(points))
        let duration = Date().timeIntervalSince(started)
        let ended = try recorder.finalize(
            status: .finished, durationSeconds: duration, resultDigest: digest, error: nil,
            checks: checks.map { $0.storedCheck(part: descriptor.part(deciding: $0.claim)?.name) })
        guard ended else {
            return RunOutcome(
                runID: runID, status: nil, checks: checks, resultDigest: digest, durationSeconds: duration,
                error: "the run row had already ended (another process changed it); results were not stored")
        }
        return RunOutcome(
            runID: runID, status: .finished, checks: checks, resultDigest: digest, durationSeconds: duration,
            error: nil)
    }
}

extension InputFile {
    /// The row written to `run_inputs`.
    var storedInput: StoredInput {
        StoredInput(input: id, path: url.path, sha256: sha256, sizeBytes: size)
    }
}

extension CheckResult {
    /// The row written to the `checks` table; `part` is the part deciding the claim.
    public func storedCheck(part: String? = nil) -> StoredCheck {
        StoredCheck(
            claim: claim, statement: statement, paper: paperValue, expected: expected.text,
            expectedLow: expected.low.isFinite ? expected.low : nil,
            expectedHigh: expected.high.isFinite ? expected.high : nil,
            measured: measurement.flatMap { $0.value.isNaN ? nil : $0.value },
            ciLow: measurement?.ciLow, ciHigh: measurement?.ciHigh, detail: reason ?? measurement?.detail,
            verdict: verdict, marginal: marginal, part: part)
    }

    /// Rebuilds a check from its stored row.
    public init(stored row: StoredCheck) {
        let measurement = row.measured.map {
            Measurement($0, ciLow: row.ciLow, ciHigh: row.ciHigh, detail: row.detail)
        }
        let decided = row.verdict == .pass || row.verdict == .fail
        self.init(
            claim: row.claim, statement: row.statement, paperValue: row.paper,
            expected: ExpectedInterval(
                low: row.expectedLow ?? -.infinity, high: row.expectedHigh ?? .infinity),
            measurement: measurement
                ?? (row.verdict == .fail && row.detail != nil ? Measurement(.nan, detail: row.detail) : nil),
            verdict: row.verdict, reason: decided ? nil : row.detail, marginal: row.marginal)
    }
}

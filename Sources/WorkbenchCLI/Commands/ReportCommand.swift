import Foundation
import WorkbenchCore
import WorkbenchStore

/// `workbench report`: regenerate `<out>/<id>/` from the database alone.
///
/// Which run: `--run R` (any selection form), else the latest finished run of the preset
/// (`--preset`, default `quick`; `reference` means each experiment's reference preset) *without
/// parameter overrides* — an exploratory run never replaces a report. Where: `--out`, default
/// ``defaultDirectory`` (the user's own reports); the committed reference reports live in
/// `Reports/` and are written with `--preset reference --out Reports`.
struct ReportCommand {
    let context: WorkbenchCommandLine

    static let options = ["--run", "--preset", "--out", "--db", "--check", "--sweep"]
    /// Where reports go unless `--out` says otherwise.
    static let defaultDirectory = "workbench-reports"
    /// The `--preset` word that means each experiment's ``ExperimentDescriptor/referencePreset``.
    static let referenceWord = "reference"

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let runOption = try scanner.option("--run")
        let presetOption = try scanner.option("--preset")
        let outDirectory = try scanner.option("--out") ?? Self.defaultDirectory
        let path = context.databasePath(try scanner.option("--db"))
        let checkOnly = try scanner.flag("--check")
        let sweepOption = try scanner.option("--sweep")
        let words = try scanner.positionals(validOptions: Self.options)
        if let sweepOption {
            guard runOption == nil, presetOption == nil else {
                throw UsageError("--sweep renders a sweep's report; it takes neither --run nor --preset")
            }
            return try sweepReport(sweepOption, words: words, path: path, out: outDirectory, checkOnly: checkOnly)
        }
        guard words.count == 1 else { throw UsageError("report takes one experiment id or `all`") }
        let experiments = try context.registry.selection(words[0])
        if runOption != nil && experiments.count != 1 {
            throw UsageError("--run needs a single experiment, not `all`")
        }
        if let presetOption, presetOption != Self.referenceWord {
            for experiment in experiments {
                let names = experiment.descriptor.allPresets.map(\.name) + [Self.referenceWord]
                guard names.contains(presetOption) else {
                    throw UsageError(
                        "unknown preset '\(presetOption)' for experiment \(experiment.descriptor.id)"
                            + (ClosestWord.suggestion(for: presetOption, among: names).map {
                                " (did you mean '\($0)'?)"
                            }
                                ?? ""),
                        validChoices: names)
                }
            }
        }
        if !checkOnly { try ReportFileWriter.requireWritable(outDirectory) }
        let store = try DatabaseLocation.openForReading(path)
        let databaseName = URL(fileURLWithPath: path).lastPathComponent
        var written = 0
        var stale = 0
        var indexRows: [ReportIndex.Row] = []
        for experiment in experiments {
            let id = experiment.descriptor.id
            let preset =
                presetOption == Self.referenceWord ? experiment.descriptor.referencePreset : presetOption
            let selector = RunSelector(store: store, registry: context.registry, preset: preset)
            let runID: String
            if let runOption {
                runID = try selector.resolve(runOption)
                let record = try store.run(runID)
                guard record.experiment == id else {
                    throw UsageError("run \(runID) is not a run of \(id)")
                }
            } else {
                do {
                    runID = try selector.resolve(id)
                } catch let error as UsageError where experiments.count > 1 {
                    context.console.writeError("skipping \(id): \(error.message)\n")
                    continue
                }
            }
            do {
                let document = try ReportLoader.document(
                    store, runID: runID, experiment: experiment, databaseName: databaseName)
                let files = ReportRenderer.render(document)
                indexRows.append(ReportIndex.Row(document: document))
                let directory = URL(fileURLWithPath: outDirectory).appendingPathComponent(id)
                if checkOnly {
                    let differing = ReportFileWriter.differences(in: directory, from: files)
                    if differing.isEmpty {
                        context.console.write("\(id): \(directory.path)/ matches run \(runID.prefix(12))\n")
                    } else {
                        stale += 1
                        context.console.write(
                            "\(id): \(directory.path)/ differs from run \(runID.prefix(12)): \(differing.joined(separator: ", "))\n"
                        )
                    }
                    continue
                }
                try ReportFileWriter.replaceContents(of: directory, with: files)
                context.console.write(
                    "\(id): report of run \(runID.prefix(12)) written to \(directory.path)/ (\(files.count) files)\n")
                written += 1
            } catch {
                context.console.writeError("workbench: error: report for \(id) failed: \(error)\n")
                return ExitCode.failure
            }
        }
        if words[0] == "all" && !indexRows.isEmpty {
            let index = ReportFile(name: "README.md", contents: ReportIndex.markdown(indexRows))
            let directory = URL(fileURLWithPath: outDirectory)
            if checkOnly {
                if !ReportFileWriter.differences(in: directory, from: [index]).filter({ $0 == "README.md" }).isEmpty {
                    stale += 1
                    context.console.write("\(directory.path)/README.md differs\n")
                }
            } else {
                do {
                    try Data(index.contents.utf8).write(
                        to: directory.appendingPathComponent(index.name), options: .atomic)
                } catch {
                    context.console.writeError("workbench: error: could not write the report index: \(error)\n")
                    return ExitCode.failure
                }
            }
        }
        if checkOnly { return stale == 0 ? ExitCode.success : ExitCode.failure }
        return written > 0 || experiments.count > 1 ? ExitCode.success : ExitCode.failure
    }
}

extension ReportCommand {
    /// `report --sweep S`: the sweep's report (``SweepReport``) into `<out>/<experiment>/`,
    /// beside the run report; only the files of this report's stem are written or removed.
    func sweepReport(_ word: String, words: [String], path: String, out: String, checkOnly: Bool) throws -> Int32 {
        let store = try DatabaseLocation.openForReading(path)
        let sweep = try SweepCommand.select(word, in: store)
        if let id = words.first, words.count > 1 || id != sweep.experiment {
            throw UsageError("sweep \(sweep.sweepID.prefix(12)) is a sweep of \(sweep.experiment), not '\(id)'")
        }
        let experiment = try context.registry.experiment(sweep.experiment)
        let data = try SweepReportData.load(
            store, sweep: sweep, descriptor: experiment.descriptor,
            databaseName: URL(fileURLWithPath: path).lastPathComponent)
        let files = SweepReport.render(data)
        let directory = URL(fileURLWithPath: out).appendingPathComponent(sweep.experiment)
        let stem = SweepReport.stem(sweep, spec: data.spec)
        let owned = { (name: String) in name == "\(stem).md" || name.hasPrefix("\(stem)-") }
        let present = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter(owned)
        let stale = present.filter { name in !files.contains { $0.name == name } }.sorted()
        if checkOnly {
            let differing = ReportFileWriter.differences(in: directory, from: files).filter(owned)
            if differing.isEmpty && stale.isEmpty {
                context.console.write("\(directory.path)/\(stem).md matches sweep \(sweep.sweepID.prefix(12))\n")
                return ExitCode.success
            }
            context.console.write(
                "\(directory.path)/\(stem).md differs from sweep \(sweep.sweepID.prefix(12)): "
                    + Array(Set(differing + stale)).sorted().joined(separator: ", ") + "\n")
            return ExitCode.failure
        }
        try ReportFileWriter.requireWritable(out)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in stale { try FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        for file in files {
            try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.name), options: .atomic)
        }
        context.console.write(
            "\(sweep.experiment): report of sweep \(sweep.sweepID.prefix(12)) written to \(directory.path)/\(stem).md (\(files.count) files)\n"
        )
        return ExitCode.success
    }
}

/// Writes a report's files, removing stale generated files (`.md`, `.csv`, `.svg`) left from an
/// earlier rendering. Each file is written to a temporary name and renamed into place.
enum ReportFileWriter {
    /// Names of files that are missing, different, or left over compared with `files`.
    static func differences(in directory: URL, from files: [ReportFile]) -> [String] {
        var differing = files.filter { file in
            let existing = try? Data(contentsOf: directory.appendingPathComponent(file.name))
            return existing != Data(file.contents.utf8)
        }.map(\.name)
        let expected = Set(files.map(\.name))
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        differing += present.filter { name in
            !expected.contains(name) && isGenerated(name)
        }.sorted()
        return differing
    }

    /// Whether `name` is a file a run report generates (`.md`, `.csv`, `.svg`) — not one of a
    /// sweep report rendered beside it (`seeds.md`, `seeds-…`, `sweep-…`), which only
    /// `report --sweep` writes and removes.
    static func isGenerated(_ name: String) -> Bool {
        let sweepReport = name == "seeds.md" || name.hasPrefix("seeds-") || name.hasPrefix("sweep-")
        return !sweepReport && [".md", ".csv", ".svg"].contains(where: { name.hasSuffix($0) })
    }

    static func replaceContents(of directory: URL, with files: [ReportFile]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let keep = Set(files.map(\.name))
        for name in try manager.contentsOfDirectory(atPath: directory.path)
        where !keep.contains(name) && isGenerated(name) {
            try manager.removeItem(at: directory.appendingPathComponent(name))
        }
        for file in files {
            let target = directory.appendingPathComponent(file.name)
            let temporary = directory.appendingPathComponent(".\(file.name).tmp")
            try Data(file.contents.utf8).write(to: temporary)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: temporary, to: target)
        }
    }

    /// Refuses, before anything is read or written, an output directory that cannot be created
    /// or written: the nearest existing ancestor must be a writable directory.
    static func requireWritable(_ directory: String) throws {
        var candidate = URL(fileURLWithPath: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
            candidate.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw UsageError("--out '\(directory)': '\(candidate.path)' is a file, not a directory")
        }
        guard access(candidate.path, W_OK | X_OK) == 0 else {
            throw UsageError("--out '\(directory)': cannot write reports there ('\(candidate.path)' is not writable)")
        }
    }
}

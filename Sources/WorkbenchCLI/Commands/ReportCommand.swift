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

    static let options = ["--run", "--preset", "--out", "--db", "--check"]
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
        let words = try scanner.positionals(validOptions: Self.options)
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
            !expected.contains(name) && [".md", ".csv", ".svg"].contains(where: { name.hasSuffix($0) })
        }.sorted()
        return differing
    }

    static func replaceContents(of directory: URL, with files: [ReportFile]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let keep = Set(files.map(\.name))
        for name in try manager.contentsOfDirectory(atPath: directory.path)
        where !keep.contains(name) && [".md", ".csv", ".svg"].contains(where: { name.hasSuffix($0) }) {
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

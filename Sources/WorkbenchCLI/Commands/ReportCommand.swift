import Foundation
import WorkbenchCore
import WorkbenchStore

/// `workbench report`: regenerate `Reports/<id>/` from the database alone.
struct ReportCommand {
    let context: WorkbenchCommandLine

    static let options = ["--run", "--preset", "--out", "--db", "--check"]

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let runOption = try scanner.option("--run")
        let preset = try scanner.option("--preset")
        let outDirectory = try scanner.option("--out") ?? "Reports"
        let path = context.databasePath(try scanner.option("--db"))
        let checkOnly = scanner.flag("--check")
        let words = try scanner.positionals(validOptions: Self.options)
        guard words.count == 1 else { throw UsageError("report takes one experiment id or `all`") }
        let experiments = try context.registry.selection(words[0])
        if runOption != nil && experiments.count != 1 {
            throw UsageError("--run needs a single experiment, not `all`")
        }
        let store = try DatabaseLocation.openForReading(path)
        let databaseName = URL(fileURLWithPath: path).lastPathComponent
        var written = 0
        var stale = 0
        var indexRows: [ReportIndex.Row] = []
        for experiment in experiments {
            let id = experiment.descriptor.id
            let runID: String
            if let runOption {
                runID = try RunLookup.resolve(store, runOption)
                let record = try store.run(runID)
                guard record.experiment == id else {
                    throw UsageError("run \(runID) is not a run of \(id)")
                }
            } else {
                guard let latest = try store.latestFinishedRun(experiment: id, preset: preset) else {
                    let what = preset.map { "finished \($0) run" } ?? "finished run"
                    if experiments.count == 1 {
                        throw UsageError("no \(what) of \(id) in \(path); run `workbench run \(id)` first")
                    }
                    context.console.writeError("skipping \(id): no \(what) in \(path)\n")
                    continue
                }
                runID = latest.runID
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
}

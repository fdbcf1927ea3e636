import WorkbenchCore
import WorkbenchStore

/// `workbench tag <run> [key=value ...] [--remove key ...] [--name NAME]`: changes a run's tags
/// (and name) after the fact, then prints them.
struct TagCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let removals = try scanner.options("--remove")
        let newName = try scanner.option("--name")
        let words = try scanner.positionals(validOptions: ["--db", "--preset", "--remove", "--name"])
        guard let target = words.first else { throw UsageError("tag needs a run, then key=value tags") }
        let tags = try words.dropFirst().map { text throws(UsageError) in try RunLabelParser.tag(text) }
        let reader = try DatabaseLocation.openForReading(path)
        let runID = try RunSelector(store: reader, registry: context.registry, preset: preset).resolve(target)
        if let newName {
            _ = try RunLabelParser.name(newName, registry: context.registry, store: nil)
        }
        let store = try DatabaseLocation.openForWriting(path)
        if let newName { try store.setName(runID: runID, newName) }
        try store.updateTags(runID: runID, set: tags, remove: removals)
        let record = try store.run(runID)
        let shown = try store.tags(runID).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        context.console.write(
            "run \(runID.prefix(12))\(record.name.map { " (\($0))" } ?? ""): tags \(shown.isEmpty ? "none" : shown)\n")
        return ExitCode.success
    }
}

/// `workbench note <run> [text]`: sets a run's note (an empty text clears it); without text,
/// prints it.
struct NoteCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let path = context.databasePath(try scanner.option("--db"))
        let preset = try scanner.option("--preset")
        let words = try scanner.positionals(validOptions: ["--db", "--preset"])
        guard (1...2).contains(words.count) else { throw UsageError("note takes a run and, to set it, one text") }
        let reader = try DatabaseLocation.openForReading(path)
        let runID = try RunSelector(store: reader, registry: context.registry, preset: preset).resolve(words[0])
        if words.count == 2 {
            let store = try DatabaseLocation.openForWriting(path)
            try store.setNote(runID: runID, words[1].isEmpty ? nil : words[1])
        }
        let note = try DatabaseLocation.openForReading(path).run(runID).note
        context.console.write("run \(runID.prefix(12)): \(note ?? "(no note)")\n")
        return ExitCode.success
    }
}

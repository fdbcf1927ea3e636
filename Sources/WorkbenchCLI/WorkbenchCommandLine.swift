import Foundation
import WorkbenchCore
import WorkbenchStore

/// The `workbench` command line: parses arguments, dispatches to a command, and maps errors to
/// exit statuses (see ``ExitCode``). Everything a command prints goes through a ``Console`` so
/// tests can run commands in-process.
public struct WorkbenchCommandLine {
    let registry: ExperimentRegistry
    let console: Console
    let environment: [String: String]

    public init(
        registry: ExperimentRegistry, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.registry = registry
        self.console = console
        self.environment = environment
    }

    /// Runs `arguments` (without the program name) and returns the exit status.
    public func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first else {
            console.write(CommandHelp.overview)
            return ExitCode.usage
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch name {
            case "--help", "-h", "help":
                if let topic = rest.first, !topic.hasPrefix("-") {
                    guard let text = CommandHelp.text(for: topic) else {
                        throw UsageError("unknown command '\(topic)'", validChoices: CommandHelp.commands)
                    }
                    console.write(text)
                } else {
                    console.write(CommandHelp.overview)
                }
                return ExitCode.success
            case "--version":
                console.write("workbench \(ProvenanceCollector.workbenchVersion)\n")
                return ExitCode.success
            default:
                break
            }
            guard CommandHelp.commands.contains(name) else {
                let closest = ClosestWord.suggestion(for: name, among: CommandHelp.commands)
                throw UsageError(
                    "unknown command '\(name)'" + (closest.map { " (did you mean '\($0)'?)" } ?? ""),
                    validChoices: CommandHelp.commands)
            }
            if rest.contains("--help") || rest.contains("-h") {
                console.write(CommandHelp.text(for: name) ?? CommandHelp.overview)
                return ExitCode.success
            }
            var scanner = ArgumentScanner(command: name, rest)
            switch name {
            case "list": return try ListCommand(registry: registry, console: console).execute(&scanner)
            case "run": return try RunCommand(context: self, invocation: arguments).execute(&scanner)
            case "runs": return try RunsCommand(context: self).execute(&scanner)
            case "show": return try ShowCommand(context: self).execute(&scanner)
            case "compare": return try CompareCommand(context: self).execute(&scanner)
            case "sql": return try SQLCommand(context: self).execute(&scanner)
            case "report": return try ReportCommand(context: self).execute(&scanner)
            case "check": return try CheckCommand(context: self).execute(&scanner)
            case "verify": return try VerifyCommand(context: self, invocation: arguments).execute(&scanner)
            case "fetch": return try FetchCommand(context: self).execute(&scanner)
            case "tag": return try TagCommand(context: self).execute(&scanner)
            case "note": return try NoteCommand(context: self).execute(&scanner)
            case "delete": return try DeleteCommand(context: self).execute(&scanner)
            case "gc": return try GCCommand(context: self).execute(&scanner)
            case "sweep": return try SweepCommand(context: self, invocation: arguments).execute(&scanner)
            case "sweeps": return try SweepListCommand(context: self).execute(&scanner)
            case "merge": return try MergeCommand(context: self).execute(&scanner)
            case "exec": return try ExecCommand(context: self).execute(&scanner)
            default: throw UsageError("unknown command '\(name)'", validChoices: CommandHelp.commands)
            }
        } catch let error as StoreError where error.isUsageError {
            console.writeError("workbench: error: \(error)\n")
            return ExitCode.usage
        } catch let error as UsageError {
            console.writeError("workbench: error: \(error)\n")
            console.writeError(
                "Run `workbench \(CommandHelp.commands.contains(name) ? name + " " : "")--help` for usage.\n")
            return ExitCode.usage
        } catch {
            console.writeError("workbench: error: \(error)\n")
            return ExitCode.failure
        }
    }

    /// The command line as recorded in a run's provenance.
    static func provenanceText(_ arguments: [String]) -> String {
        (["workbench"] + arguments).joined(separator: " ")
    }

    /// The database path for a command (after `--db` was scanned).
    func databasePath(_ option: String?) -> String {
        DatabaseLocation.path(option: option, environment: environment)
    }
}

import Foundation
import WorkbenchCLI
import WorkbenchCore

TerminationSignals.install()
let status = WorkbenchCommandLine(registry: .shipped, console: StandardConsole())
    .run(Array(CommandLine.arguments.dropFirst()))
exit(status)

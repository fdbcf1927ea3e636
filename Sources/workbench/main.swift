import Foundation
import WorkbenchCLI
import WorkbenchCore
import WorkbenchNumerics

// The BLAS kernel is chosen first: selecting one re-executes the process (see BLASKernelSelection).
let arguments = BLASKernelSelection.configure(arguments: Array(CommandLine.arguments.dropFirst()))
TerminationSignals.install()
let status = WorkbenchCommandLine(registry: .shipped, console: StandardConsole())
    .run(arguments)
exit(status)

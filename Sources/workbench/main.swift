import Foundation
import WorkbenchCLI
import WorkbenchCore
import WorkbenchNumerics

// The BLAS kernel is chosen first: selecting one re-executes the process (see BLASKernelSelection).
let arguments = BLASKernelSelection.configure(arguments: Array(CommandLine.arguments.dropFirst()))
if arguments.first == "list" && arguments.contains("--system") {
    print(BLASKernelSelection.systemReport(), terminator: "")
    exit(0)
}
TerminationSignals.install()
let status = WorkbenchCommandLine(registry: .shipped, console: StandardConsole())
    .run(arguments)
exit(status)

import Foundation
import WorkbenchCLI
import WorkbenchCore
import WorkbenchTestFixtures

// The shipped command line plus the fixture experiments, for process-level tests of the runner
// (signals, lost runs) and the command line. Not part of the product.
TerminationSignals.install()
let registry = ExperimentRegistry(FixtureExperiments.all)
let status = WorkbenchCommandLine(registry: registry, console: StandardConsole())
    .run(Array(CommandLine.arguments.dropFirst()))
exit(status)

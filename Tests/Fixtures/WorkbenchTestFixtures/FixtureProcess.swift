import Foundation

/// Runs the test-only `workbench-fixture` executable (built next to the test bundle) as a
/// separate process, for tests of signals, lost runs and concurrent writers.
public enum FixtureProcess {
    /// Path of the `workbench-fixture` binary in the build directory.
    public static var executable: URL { builtExecutable("workbench-fixture") }

    /// Path of the shipped `workbench` binary in the build directory.
    public static var shippedExecutable: URL { builtExecutable("workbench") }

    /// The executable `name` built next to the test bundle (searched upwards from it).
    static func builtExecutable(_ name: String) -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Starts the fixture CLI (or `executable`) with `arguments`, in `directory` when given, with
    /// this process's environment plus `OPENBLAS_NUM_THREADS=1` and `environment`; output goes
    /// to the returned pipes.
    public static func start(
        _ arguments: [String], executable: URL = executable, directory: URL? = nil,
        environment extra: [String: String] = [:]
    ) throws -> (process: Process, output: Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return (process, output)
    }

    /// Runs the fixture CLI (or `executable`) to completion, as ``start(_:executable:directory:environment:)``
    /// does, and returns its exit status and combined output.
    public static func run(
        _ arguments: [String], executable: URL = executable, directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let (process, pipe) = try start(
            arguments, executable: executable, directory: directory, environment: environment)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

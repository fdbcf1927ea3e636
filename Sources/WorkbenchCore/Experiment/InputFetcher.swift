import Foundation

/// Carries out an input's fetch step (`workbench fetch`), idempotently: an input already present
/// with the declared hash is left alone; otherwise the step runs in a temporary folder next to the
/// input's folder, which replaces it only when the step succeeded and the file checks out.
public enum InputFetcher {
    /// What happened to one input.
    public enum Outcome: Sendable, Equatable {
        /// Already present (and matching its declared hash, if any).
        case present(InputFile)
        /// Fetched now.
        case fetched(InputFile)
    }

    /// A fetch that did not produce the declared file.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Fetches `input` of `experiment` into `location` unless it is already there.
    ///
    /// - Throws: ``Failure`` naming the step and what went wrong (the registry unreachable, the
    ///   file absent after the step, a hash mismatch); the data directory keeps its earlier state.
    public static func fetch(
        _ input: ExperimentInput, experiment: ExperimentDescriptor, location: InputLocation,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Outcome {
        let single = InputResolver.resolve(one: input, experiment: experiment.id, location: location)
        if case .success(let file) = single { return .present(file) }
        let manager = FileManager.default
        let folder = location.folder(experiment: experiment.id, input: input)
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(input.folder).partial")
        try? manager.removeItem(at: staging)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(staging.path): \(error.localizedDescription)")
        }
        defer { try? manager.removeItem(at: staging) }
        try run(input.fetch, in: staging, environment: environment)
        let stagedInput = InputLocation(root: staging.deletingLastPathComponent())
        let check = InputResolver.resolve(
            one: input, experiment: experiment.id, location: stagedInput, folder: staging)
        if case .failure(let reason) = check {
            throw Failure(
                description: "fetching '\(input.id)' (\(input.fetch.summary)) did not give the file: \(reason)")
        }
        try? manager.removeItem(at: folder)
        do {
            try manager.moveItem(at: staging, to: folder)
        } catch {
            throw Failure(description: "cannot move the fetched files to \(folder.path): \(error.localizedDescription)")
        }
        switch InputResolver.resolve(one: input, experiment: experiment.id, location: location) {
        case .success(let file): return .fetched(file)
        case .failure(let reason): throw Failure(description: reason.description)
        }
    }

    /// Runs one step with `folder` as working directory.
    static func run(_ step: InputFetchStep, in folder: URL, environment: [String: String]) throws {
        let arguments: [String]
        switch step {
        case .pipWheel(let package, let version):
            arguments = [
                "python3", "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
                "--quiet", "--dest", folder.path, "\(package)==\(version)",
            ]
            try execute(arguments, in: folder, environment: environment, step: step)
            let wheels = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter {
                $0.hasSuffix(".whl")
            }
            guard let wheel = wheels?.sorted().first else {
                throw Failure(description: "pip download of \(package)==\(version) gave no wheel")
            }
            try execute(
                ["python3", "-m", "zipfile", "-e", wheel, "."], in: folder, environment: environment, step: step)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(wheel))
        case .command(let command):
            try execute(command, in: folder, environment: environment, step: step)
        }
    }

    private static func execute(
        _ arguments: [String], in folder: URL, environment: [String: String], step: InputFetchStep
    ) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = environment
        variables["WORKBENCH_INPUT_DIR"] = folder.path
        process.environment = variables
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try process.run()
        } catch {
            throw Failure(
                description: "cannot start `\(arguments.joined(separator: " "))`: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: data, as: UTF8.self)
            let unreachable = [
                "Could not find a version", "Failed to establish", "No matching distribution",
                "Temporary failure in name resolution", "Network is unreachable",
            ].contains { text.contains($0) }
            let hint = unreachable ? " (the package registry could not be reached or has no such version)" : ""
            let tail = text.split(separator: "\n").suffix(3).joined(separator: "\n  ")
            throw Failure(
                description:
                    "`\(arguments.joined(separator: " "))` exited with status \(process.terminationStatus)\(hint)"
                    + (tail.isEmpty ? "" : ":\n  \(tail)"))
        }
    }
}

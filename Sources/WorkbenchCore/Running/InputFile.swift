import Foundation

/// A declared input as a run found it: where, its SHA-256 and size (recorded in `run_inputs`).
public struct InputFile: Sendable, Equatable {
    /// The input's id.
    public let id: String
    /// The file read.
    public let url: URL
    /// SHA-256 of its bytes, lowercase hex.
    public let sha256: String
    /// Size in bytes.
    public let size: Int

    public init(id: String, url: URL, sha256: String, size: Int) {
        self.id = id
        self.url = url
        self.sha256 = sha256
        self.size = size
    }
}

/// Finds and hashes the declared inputs a run needs.
public enum InputResolver {
    /// The inputs of the selected parts: those present (hashed), and for each missing one the
    /// reason, naming the command that fetches it. A present file whose declared hash differs is
    /// reported missing too (with both hashes).
    public static func resolve(
        _ descriptor: ExperimentDescriptor, parameters: ParameterSet, location: InputLocation
    ) -> (found: [String: InputFile], missing: [String: String]) {
        let needed = Set(descriptor.selectedParts(parameters).flatMap(\.inputs))
        var found = [String: InputFile]()
        var missing = [String: String]()
        for input in descriptor.inputs where needed.contains(input.id) {
            switch resolve(one: input, experiment: descriptor.id, location: location) {
            case .success(let file): found[input.id] = file
            case .failure(let reason): missing[input.id] = reason.description
            }
        }
        return (found, missing)
    }

    /// One input: its file hashed, or why it cannot be used (naming the fetch command).
    /// `folder` overrides where the input's folder is (for a fetch being staged).
    public static func resolve(
        one input: ExperimentInput, experiment: String, location: InputLocation, folder: URL? = nil
    ) -> Result<InputFile, InputProblem> {
        let url = (folder ?? location.folder(experiment: experiment, input: input)).appendingPathComponent(input.file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(
                InputProblem(
                    "input '\(input.id)' (\(input.description)) is missing at \(url.path); run `workbench fetch \(experiment)`"
                ))
        }
        let digest = SHA256.hex(of: data)
        if let expected = input.sha256, expected.lowercased() != digest {
            return .failure(
                InputProblem(
                    "input '\(input.id)' at \(url.path) has SHA-256 \(digest), expected \(expected); run `workbench fetch \(experiment)` again"
                ))
        }
        if let size = input.size, size != data.count {
            return .failure(
                InputProblem(
                    "input '\(input.id)' at \(url.path) has \(data.count) bytes, expected \(size); run `workbench fetch \(experiment)` again"
                ))
        }
        return .success(InputFile(id: input.id, url: url, sha256: digest, size: data.count))
    }
}

/// Why a declared input cannot be used.
public struct InputProblem: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

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
            let url = location.file(experiment: descriptor.id, input: input)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                missing[input.id] =
                    "input '\(input.id)' (\(input.description)) is missing at \(url.path); run `workbench fetch \(descriptor.id)`"
                continue
            }
            let digest = SHA256.hex(of: data)
            if let expected = input.sha256, expected.lowercased() != digest {
                missing[input.id] =
                    "input '\(input.id)' at \(url.path) has SHA-256 \(digest), expected \(expected); run `workbench fetch \(descriptor.id)` again"
                continue
            }
            found[input.id] = InputFile(id: input.id, url: url, sha256: digest, size: data.count)
        }
        return (found, missing)
    }
}

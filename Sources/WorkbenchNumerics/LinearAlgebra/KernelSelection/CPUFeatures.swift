import Foundation

/// The processor's model name and instruction-set flags, as the Linux kernel reports them in
/// `/proc/cpuinfo` (first processor; the flags of all cores are the same on the machines this runs
/// on).
public struct CPUFeatures: Sendable, Equatable {
    /// `model name`, e.g. `AMD EPYC 7B13` (empty when unknown).
    public let modelName: String
    /// The `flags` words, e.g. `avx2`, `fma`, `avx512f`.
    public let flags: Set<String>

    public init(modelName: String, flags: Set<String>) {
        self.modelName = modelName
        self.flags = flags
    }

    /// AVX2 and FMA3: what OpenBLAS's `Haswell` kernels need.
    public var supportsHaswellKernels: Bool { flags.contains("avx2") && flags.contains("fma") }

    /// The vector extensions present, widest last, for reports (`sse3 … avx2 fma avx512f`).
    public var vectorExtensions: [String] {
        ["sse3", "ssse3", "sse4_1", "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"]
            .filter { flags.contains($0) || ($0 == "sse3" && flags.contains("pni")) }
    }

    /// Parses the text of `/proc/cpuinfo`: the first `model name` and `flags` lines.
    public static func parse(cpuinfo text: String) -> CPUFeatures {
        var model = ""
        var flags: Set<String>?
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "model name" && model.isEmpty { model = value }
            if key == "flags" && flags == nil { flags = Set(value.split(separator: " ").map(String.init)) }
        }
        return CPUFeatures(modelName: model, flags: flags ?? [])
    }

    /// This machine's features (no flags when `/proc/cpuinfo` cannot be read, e.g. not on Linux).
    public static var current: CPUFeatures {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            return CPUFeatures(modelName: "", flags: [])
        }
        return parse(cpuinfo: text)
    }
}

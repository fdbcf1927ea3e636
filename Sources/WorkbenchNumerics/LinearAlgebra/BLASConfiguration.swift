internal import CLinearAlgebra

/// Process-wide OpenBLAS settings that affect speed and the last bits of results.
///
/// OpenBLAS picks its kernel (`OPENBLAS_CORETYPE`) when the library loads, so only the thread
/// count can be changed at run time (the kernel is chosen at start-up by
/// ``BLASKernelSelection``). Both are recorded with every run.
public enum BLASConfiguration {
    /// The kernel family OpenBLAS selected, e.g. `"Haswell"` or `"Cooperlake"`.
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// OpenBLAS's build configuration string (version, threading model, flags).
    public static var libraryConfiguration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config)
    }

    /// What is recorded with every run (`blas_config`): the library configuration and why the
    /// kernel is the one it is (``BLASKernelSelection/reason``).
    public static var buildConfiguration: String {
        "\(libraryConfiguration); kernel: \(BLASKernelSelection.reason)"
    }

    /// The number of threads OpenBLAS uses for one call.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the OpenBLAS thread count (at least 1).
    public static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }
}

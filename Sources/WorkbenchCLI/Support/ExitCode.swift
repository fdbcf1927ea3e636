/// Exit statuses of `workbench` (part of its contract; scripts and CI rely on them).
public enum ExitCode {
    /// Success; for `check`, every claim passed or was inconclusive; for `verify`, bit-identical.
    public static let success: Int32 = 0
    /// A run failed, a claim failed (`check`), or a rerun differs (`verify`).
    public static let failure: Int32 = 1
    /// Bad input: unknown command, experiment, option or parameter, ill-typed or out-of-range
    /// value, unusable database. Nothing was written.
    public static let usage: Int32 = 64
    /// Interrupted by SIGINT (128 + 2); the run is recorded as `killed`.
    public static let interrupted: Int32 = 130
    /// Terminated by SIGTERM (128 + 15); the run is recorded as `killed`.
    public static let terminated: Int32 = 143
}

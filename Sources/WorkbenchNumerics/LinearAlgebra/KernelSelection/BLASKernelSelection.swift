import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Start-up selection of the OpenBLAS kernel family (see ``BLASKernelDecision`` for the rules).
///
/// OpenBLAS reads `OPENBLAS_CORETYPE` once, when the library loads, so a different kernel needs a
/// new process: when the decision is to select one, the executable first runs itself as a probe
/// child with that kernel (``BLASCorrectnessProbe``), then — if the probe passed, or without a
/// probe for an explicit request — replaces itself (`execve`) by the same command with
/// `OPENBLAS_CORETYPE` set. The re-executed process finds ``selectionVariable`` and does not
/// decide again. The reason is kept in ``reason`` and recorded with every run (in `blas_config`).
///
/// Environment: `WORKBENCH_BLAS_CORE` (like `--blas-core`) requests a kernel;
/// `WORKBENCH_BLAS_REPORTED_CORE` makes the decision treat OpenBLAS's choice as that name, to
/// exercise the selection on a machine where OpenBLAS recognises the CPU.
public enum BLASKernelSelection {
    /// Set in the re-executed process: the reason of the selection.
    public static let selectionVariable = "WORKBENCH_BLAS_SELECTION"
    /// Set in the probe child: run the probe, print failures, exit 0 (passed) or 1.
    public static let probeVariable = "WORKBENCH_BLAS_PROBE"
    public static let requestVariable = "WORKBENCH_BLAS_CORE"
    public static let reportedOverrideVariable = "WORKBENCH_BLAS_REPORTED_CORE"
    public static let option = "--blas-core"

    nonisolated(unsafe) private static var decidedReason: String?

    /// Why this process runs the kernel it runs (set by ``configure(arguments:)``; otherwise the
    /// reason a fresh decision would give).
    public static var reason: String {
        if let decidedReason { return decidedReason }
        let environment = ProcessInfo.processInfo.environment
        if let selected = environment[selectionVariable], !selected.isEmpty { return selected }
        switch BLASKernelDecision.decide(situation(environment: environment, requested: environment[requestVariable])) {
        case .keep(let reason): return reason
        case .select(let core, _, let reason): return "not applied (\(core) would be selected: \(reason))"
        }
    }

    /// The situation of this process.
    static func situation(environment: [String: String], requested: String?) -> BLASKernelDecision.Situation {
        let reported =
            environment[reportedOverrideVariable].flatMap { $0.isEmpty ? nil : $0 } ?? BLASConfiguration.coreName
        return BLASKernelDecision.Situation(
            environmentCoreType: environment["OPENBLAS_CORETYPE"], requestedCore: requested, reportedCore: reported,
            features: .current)
    }

    /// Removes `--blas-core NAME` / `--blas-core=NAME` from `arguments`; returns the name, if any.
    public static func extractOption(_ arguments: inout [String]) -> String? {
        var requested: String?
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == option, index + 1 < arguments.count {
                requested = arguments[index + 1]
                index += 2
                continue
            }
            if word.hasPrefix(option + "=") {
                requested = String(word.dropFirst(option.count + 1))
            } else {
                kept.append(word)
            }
            index += 1
        }
        arguments = kept
        return requested
    }

    /// Decides, probes and re-executes as needed; returns the arguments without `--blas-core`
    /// when this process goes on. In the probe child it runs the probe and exits.
    public static func configure(arguments: [String]) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        if environment[probeVariable] == "1" {
            let failures = BLASCorrectnessProbe.run()
            for failure in failures { FileHandle.standardError.write(Data((failure + "\n").utf8)) }
            exit(failures.isEmpty ? 0 : 1)
        }
        var remaining = arguments
        let requested = extractOption(&remaining) ?? environment[requestVariable]
        if let selected = environment[selectionVariable], !selected.isEmpty {
            decidedReason = selected
            return remaining
        }
        let situation = situation(environment: environment, requested: requested)
        var decision = BLASKernelDecision.decide(situation)
        if case .select(let core, true, _) = decision {
            decision = BLASKernelDecision.afterProbe(decision, situation: situation, failures: probe(core: core))
            if case .keep(let reason) = decision {
                FileHandle.standardError.write(Data("workbench: BLAS kernel: \(reason)\n".utf8))
            }
        }
        switch decision {
        case .keep(let reason):
            decidedReason = reason
            return remaining
        case .select(let core, _, let reason):
            reexecute(arguments: remaining, core: core, reason: reason)
            // execve returned: the process goes on with OpenBLAS's own choice.
            decidedReason = "\(situation.reportedCore): re-running with \(core) failed (errno \(errno))"
            return remaining
        }
    }

    /// Runs this executable as a probe child with `OPENBLAS_CORETYPE = core`; the failures (empty
    /// when it exited 0).
    static func probe(core: String) -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = core
        environment[probeVariable] = "1"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return ["probe process could not start: \(error)"]
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal {
            return ["probe process ended by signal \(process.terminationStatus)"]
        }
        if process.terminationStatus == 0 { return [] }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        return lines.isEmpty ? ["probe exited with status \(process.terminationStatus)"] : lines
    }

    /// Replaces this process by the same command with `OPENBLAS_CORETYPE = core` and the reason
    /// in ``selectionVariable``. Returns only if `execve` fails.
    static func reexecute(arguments: [String], core: String, reason: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = core
        environment[selectionVariable] = reason
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let argv = ([CommandLine.arguments.first ?? path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        _ = execve(path, argv, envp)
        for pointer in argv + envp { free(pointer) }
    }

    /// What `workbench list --system` prints: CPU, instruction sets, OpenBLAS version and kernel,
    /// and why that kernel.
    public static func systemReport() -> String {
        let features = CPUFeatures.current
        let environment = ProcessInfo.processInfo.environment
        var text = "CPU: \(features.modelName.isEmpty ? "unknown" : features.modelName)\n"
        text += "instruction sets: \(features.vectorExtensions.joined(separator: " "))\n"
        text += "OpenBLAS: \(BLASConfiguration.libraryConfiguration)\n"
        text += "BLAS kernel: \(BLASConfiguration.coreName) (\(reason))\n"
        text += "OPENBLAS_CORETYPE: \(environment["OPENBLAS_CORETYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? "unset")\n"
        text += "BLAS threads: \(BLASConfiguration.threadCount)\n"
        text += "softmax exponential: \(VectorExponential.instructionSet)\n"
        return text
    }
}

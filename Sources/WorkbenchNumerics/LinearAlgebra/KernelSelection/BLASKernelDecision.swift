/// Which OpenBLAS kernel family a run should use, decided from what OpenBLAS chose, what the CPU
/// supports and what the user set — a pure function, so that it can be tested without touching
/// the process environment.
///
/// Rules, in order:
/// 1. an explicit request (`--blas-core NAME` or `WORKBENCH_BLAS_CORE=NAME`) is followed as given
///    (no probe: the user chose it);
/// 2. a value of `OPENBLAS_CORETYPE` set by the user or the environment is never overridden;
/// 3. when OpenBLAS reports one of its generic or pre-AVX2 kernels (``preAVX2Kernels``, e.g. the
///    `Prescott` fallback it takes for CPUs it does not recognise) on a CPU with AVX2 and FMA, the
///    `Haswell` kernels are proposed, subject to a correctness probe run with them;
/// 4. otherwise OpenBLAS's own choice stays.
///
/// AVX-512 kernels (`SkylakeX`, `Cooperlake`, …) are never selected automatically: older OpenBLAS
/// builds compute wrong results or crash with them on some processors.
public enum BLASKernelDecision: Sendable, Equatable {
    /// Keep the kernel OpenBLAS loaded; `reason` says why.
    case keep(reason: String)
    /// Run with `OPENBLAS_CORETYPE = core`; `probe` says whether a correctness probe must pass
    /// first.
    case select(core: String, probe: Bool, reason: String)

    /// OpenBLAS x86-64 kernel families older than AVX2 (including its generic `Prescott`
    /// fallback): on a CPU with AVX2 and FMA, each is a misdetection.
    public static let preAVX2Kernels: Set<String> = [
        "Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Atom", "Katmai", "Coppermine", "Northwood",
        "Banias", "Opteron", "Opteron_SSE3", "Barcelona", "Bobcat", "Sandybridge", "Bulldozer", "Piledriver",
        "Steamroller",
    ]

    /// The kernel proposed for a CPU with AVX2 and FMA.
    public static let avx2Kernel = "Haswell"

    /// What was known at start-up.
    public struct Situation: Sendable, Equatable {
        /// `OPENBLAS_CORETYPE` as found in the environment (`nil` or empty when unset).
        public var environmentCoreType: String?
        /// `--blas-core` or `WORKBENCH_BLAS_CORE`, if given.
        public var requestedCore: String?
        /// `openblas_get_corename()` in this process.
        public var reportedCore: String
        public var features: CPUFeatures

        public init(environmentCoreType: String?, requestedCore: String?, reportedCore: String, features: CPUFeatures) {
            self.environmentCoreType = environmentCoreType
            self.requestedCore = requestedCore
            self.reportedCore = reportedCore
            self.features = features
        }
    }

    /// The decision before any probe (see the type documentation for the rules).
    public static func decide(_ situation: Situation) -> BLASKernelDecision {
        let reported = situation.reportedCore
        if let requested = situation.requestedCore, !requested.isEmpty {
            if requested.caseInsensitiveCompare(reported) == .orderedSame {
                return .keep(reason: "\(reported) as requested")
            }
            return .select(
                core: requested, probe: false, reason: "\(requested) as requested (OpenBLAS chose \(reported))")
        }
        if let set = situation.environmentCoreType, !set.isEmpty {
            return .keep(reason: "\(reported): OPENBLAS_CORETYPE=\(set) set by the environment, left as is")
        }
        if preAVX2Kernels.contains(reported) && situation.features.supportsHaswellKernels {
            return .select(
                core: avx2Kernel, probe: true,
                reason:
                    "\(avx2Kernel): OpenBLAS chose its \(reported) kernels on a CPU with AVX2 and FMA (an unrecognised CPU); \(avx2Kernel) passed the correctness probe"
            )
        }
        return .keep(reason: "\(reported): chosen by OpenBLAS for this CPU")
    }

    /// The decision once the probe of `core` has run: the selection stands when `failures` is
    /// empty; otherwise the kernel OpenBLAS chose stays, and the reason names the failures.
    public static func afterProbe(
        _ decision: BLASKernelDecision, situation: Situation, failures: [String]
    ) -> BLASKernelDecision {
        guard case .select(let core, true, _) = decision, !failures.isEmpty else { return decision }
        return .keep(
            reason:
                "\(situation.reportedCore): OpenBLAS's choice kept because the correctness probe of \(core) failed (\(failures.joined(separator: "; ")))"
        )
    }
}

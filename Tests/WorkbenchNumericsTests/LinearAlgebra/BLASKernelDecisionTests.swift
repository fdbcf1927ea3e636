import Testing
@testable import WorkbenchNumerics

/// The kernel-selection rules, tested on made-up situations: the decision and the probe are
/// separate from the re-execution, so no test changes `OPENBLAS_CORETYPE` or starts a process.
@Suite("BLAS kernel selection")
struct BLASKernelDecisionTests {
    static let avx2 = CPUFeatures(modelName: "AMD EPYC", flags: ["sse3", "avx", "avx2", "fma"])
    static let avx512 = CPUFeatures(modelName: "Intel Xeon", flags: ["avx", "avx2", "fma", "avx512f"])
    static let sse = CPUFeatures(modelName: "old", flags: ["sse3", "ssse3"])

    static func situation(
        reported: String, features: CPUFeatures = avx2, environment: String? = nil, requested: String? = nil
    ) -> BLASKernelDecision.Situation {
        .init(environmentCoreType: environment, requestedCore: requested, reportedCore: reported, features: features)
    }

    @Test func genericFallbackOnAnAVX2CPUSelectsHaswellAfterAProbe() {
        let decision = BLASKernelDecision.decide(Self.situation(reported: "Prescott"))
        guard case .select(let core, let probe, let reason) = decision else {
            Issue.record("expected a selection, got \(decision)")
            return
        }
        #expect(core == "Haswell")
        #expect(probe)
        #expect(reason.contains("Prescott") && reason.contains("AVX2"))
        // A passing probe leaves the selection as it is.
        #expect(
            BLASKernelDecision.afterProbe(decision, situation: Self.situation(reported: "Prescott"), failures: [])
                == decision)
    }

    @Test func neverSelectsAVX512KernelsAutomatically() {
        let decision = BLASKernelDecision.decide(Self.situation(reported: "Prescott", features: Self.avx512))
        guard case .select(let core, _, _) = decision else {
            Issue.record("expected a selection, got \(decision)")
            return
        }
        #expect(core == "Haswell")
    }

    @Test func aValueSetByTheUserOrEnvironmentIsLeftUntouched() {
        for value in ["Prescott", "SkylakeX", "Haswell"] {
            let decision = BLASKernelDecision.decide(Self.situation(reported: "Prescott", environment: value))
            guard case .keep(let reason) = decision else {
                Issue.record("OPENBLAS_CORETYPE=\(value) was overridden: \(decision)")
                continue
            }
            #expect(reason.contains("OPENBLAS_CORETYPE=\(value)"))
        }
    }

    @Test func failedProbeStaysOnTheFallbackAndSaysWhy() {
        let situation = Self.situation(reported: "Prescott")
        let decision = BLASKernelDecision.afterProbe(
            BLASKernelDecision.decide(situation), situation: situation, failures: ["dgemm 37×23×41 none/none"])
        guard case .keep(let reason) = decision else {
            Issue.record("a failed probe must keep the fallback, got \(decision)")
            return
        }
        #expect(reason.hasPrefix("Prescott"))
        #expect(reason.contains("probe of Haswell failed") && reason.contains("dgemm 37×23×41"))
    }

    @Test func recognisedOrUnsupportedCPUsKeepOpenBLASsChoice() {
        for (reported, features) in [
            ("Zen", Self.avx2), ("Haswell", Self.avx2), ("SkylakeX", Self.avx512), ("Prescott", Self.sse),
        ] {
            let decision = BLASKernelDecision.decide(Self.situation(reported: reported, features: features))
            #expect(decision == .keep(reason: "\(reported): chosen by OpenBLAS for this CPU"))
        }
    }

    @Test func anExplicitRequestIsFollowedWithoutProbe() {
        let decision = BLASKernelDecision.decide(
            Self.situation(reported: "Zen", environment: "Zen", requested: "Haswell"))
        #expect(decision == .select(core: "Haswell", probe: false, reason: "Haswell as requested (OpenBLAS chose Zen)"))
        #expect(
            BLASKernelDecision.decide(Self.situation(reported: "Haswell", requested: "haswell"))
                == .keep(reason: "Haswell as requested"))
    }

    @Test func optionIsTakenOutOfTheArguments() {
        var arguments = ["run", "--blas-core", "Haswell", "token-sample-complexity", "--seed", "3"]
        #expect(BLASKernelSelection.extractOption(&arguments) == "Haswell")
        #expect(arguments == ["run", "token-sample-complexity", "--seed", "3"])
        var joined = ["--blas-core=Prescott", "list"]
        #expect(BLASKernelSelection.extractOption(&joined) == "Prescott")
        #expect(joined == ["list"])
        var none = ["list"]
        #expect(BLASKernelSelection.extractOption(&none) == nil)
    }

    @Test func cpuinfoIsParsed() {
        let text = """
            processor\t: 0
            model name\t: AMD EPYC 7B13
            flags\t\t: fpu pni ssse3 fma avx avx2 sse4_2
            processor\t: 1
            model name\t: ignored
            """
        let features = CPUFeatures.parse(cpuinfo: text)
        #expect(features.modelName == "AMD EPYC 7B13")
        #expect(features.supportsHaswellKernels)
        #expect(features.vectorExtensions == ["sse3", "ssse3", "sse4_2", "avx", "avx2", "fma"])
        #expect(!CPUFeatures.parse(cpuinfo: "flags : avx2").supportsHaswellKernels)
    }

    /// The probe passes with the kernel this process runs (whatever OpenBLAS chose here), and it
    /// is not vacuous: its references are plain loops that a wrong product would not match.
    @Test func probePassesWithTheLoadedKernel() {
        #expect(BLASCorrectnessProbe.run() == [])
    }
}

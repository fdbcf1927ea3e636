import Testing
import WorkbenchCore
import WorkbenchStore

@testable import DiffusionDiscretization

/// Reduced and quick runs through ``MemoryRun`` (part selection, recording, claim evaluation):
/// every claim must pass, and the metrics must be bit-identical for 1 and 2 workers.
@Suite("End to end", .serialized)
struct EndToEndTests {
    /// The reduced configuration: the spec's statements (A4–A7) need K up to 5120, d = 1000 for
    /// the η sweep, d = 256 and p ∈ {1, 1.25, …, 4} for the p sweep and α ∈ {0.5, 1, 2}, and A1's
    /// 5 % Fréchet bound is stated for its default Monte Carlo setting (d = 8, N = 2·10⁴; the
    /// single-run spread grows for smaller d), so only the convergence study is shrunk.
    static let reduced: [PresetSetting] = [
        Declared.spectra.set(["pow:1", "twoscale"]),
        Declared.dimension.set(32),
        Declared.etas.set([0, 1]),
        Declared.stepCounts.set([10, 80, 160, 320, 640, 1280, 2560, 5120]),
    ]

    @Test("Reduced run: every claim passes")
    func claimsPass() throws {
        let run = try TestRuns.run(Self.reduced)
        #expect(run.checks.count == TestRuns.descriptor.claims.count)
        for check in run.checks {
            #expect(
                check.verdict == .pass, "\(check.claim): \(String(describing: check.measurement)) \(check.reason ?? "")"
            )
        }
        let results = run.results
        // The spec's E1 values for two-scale/uniform (§3.5): 𝓔 = 0.69638559 (η = 0), 0.76676606 (η = 1).
        let ode = try #require(results.scalar("E.vp-linear.twoscale.uniform.eta0"))
        #expect(TestSettings.relativeError(ode, 0.69638559) < 1e-7)
        let sde = try #require(results.value("ratio.vp-linear.twoscale.uniform.eta1", at: 10))
        #expect(abs(sde - 7.341) < 1e-3)

        let report = TestRuns.experiment.report(results)
        var tables = [String: Int]()
        var figures = [String: Int]()
        for block in report.blocks {
            switch block {
            case .table(let table): tables[table.id] = table.rows.count
            case .figure(let figure): figures[figure.id] = figure.series.count
            default: break
            }
        }
        #expect(tables["convergence_ratio"] == 8)
        #expect(tables["kernel_vp-linear_uniform"] == 26)
        #expect(tables["eta_star"] == 6)
        #expect(tables["p_star"] == 6)
        #expect(tables["monte_carlo"] == 4)
        #expect(tables["oracles"] == 3)
        #expect(tables["samplers_vp-linear"] == 8)
        // One figure per grid; one measured curve plus its 𝓔/K reference per η.
        #expect(figures["w2_vs_K_vp-linear_pow1_uniform"] == 4)
        #expect(figures["w2_vs_K_vp-linear_pow1_power2"] == 4)
        #expect(figures["kappa_vp-linear_uniform"] == 2)
    }

    /// The quick preset (the declared defaults): every claim passes. The elapsed time and the
    /// verdicts are printed for information (release build: about 2 s on 2 cores).
    @Test("Quick preset: every claim passes")
    func quickPreset() throws {
        let clock = ContinuousClock()
        var run: MemoryRun?
        let elapsed = try clock.measure { run = try TestRuns.run([]) }
        print("diffusion-discretization quick preset: \(elapsed)")
        for check in try #require(run).checks {
            let interval = check.measurement.map { "[\($0.ciLow ?? .nan), \($0.ciHigh ?? .nan)]" } ?? ""
            print("  \(check.claim): \(check.verdictText) \(check.measurement?.value ?? .nan) \(interval)")
            #expect(check.verdict == .pass, "\(check.claim): \(String(describing: check.measurement))")
        }
    }

    @Test("Same parameters and seed give bit-identical metrics with 1 and 2 workers")
    func determinism() throws {
        let small: [PresetSetting] = [
            TestRuns.parts.set(["convergence", "kernel", "oracles", "monte-carlo", "extensions"]),
            Declared.spectra.set(["pow:1", "twoscale"]), Declared.dimension.set(16),
            Declared.stepCounts.set([10, 20, 40]), Declared.etas.set([0, 0.5]), Declared.mcSamples.set(500),
            Declared.mcDimensions.set([3]), Declared.mcStepCounts.set([5]), Declared.mcEtas.set([0, 1]),
            Declared.meanScale.set(0.5),
        ]
        let one = try TestRuns.run(small, workers: 1).results
        let two = try TestRuns.run(small, workers: 2).results
        #expect(one.metrics == two.metrics)
        #expect(!one.metrics.isEmpty)
        // With the Monte Carlo part, a different seed must change the metrics.
        let other = try TestRuns.run(small, seed: 7).results
        #expect(other.scalar("mc.vp-linear.d3.eta1.K5.fd_mc") != one.scalar("mc.vp-linear.d3.eta1.K5.fd_mc"))
        // The kernel does not depend on the seed.
        #expect(
            other.value("kernel.C.vp-linear.uniform.eta0.5", at: 1)
                == one.value("kernel.C.vp-linear.uniform.eta0.5", at: 1))
    }

    @Test("All three processes run (ve-edm with its own window and λ scale)")
    func allProcesses() throws {
        let run = try TestRuns.run([
            TestRuns.parts.set(["convergence", "oracles", "monte-carlo", "extensions"]),
            Declared.processes.set(["vp-cosine", "ve-edm"]), Declared.spectra.set(["twoscale"]),
            Declared.grids.set(["edm:7"]), Declared.etas.set([0, 1]), Declared.stepCounts.set([640, 1280, 2560, 5120]),
            Declared.mcSamples.set(20_000), Declared.mcDimensions.set([3]), Declared.mcStepCounts.set([10]),
            Declared.mcGrid.set("edm:7"),
        ])
        let results = run.results
        // Spec §3.5: VE-EDM (80 → 0.002, edm:7) on Σ = diag(1, 0.01) has 𝓔 = 2.598517 (η = 0); the
        // run scales λ by veLambdaScale = 0.25, so compare against the unscaled value only via
        // a direct quadrature with the same scale.
        let direct = FirstOrderQuadrature(setting: TestSettings.veEDM, grid: .edm(7))
            .constants(lambdas: [0.25, 0.0025], eta: 0).errorConstant
        #expect(results.scalar("E.ve-edm.twoscale.edm7.eta0") == direct)
        for claim in ["A1-cov", "A1-mean", "A2-vp", "A2-ve", "A2-bures"] {
            let check = try #require(TestRuns.check(claim, in: run))
            #expect(check.verdict == .pass, "\(claim): \(String(describing: check.measurement))")
        }
        // The spec states A3–A7 for VP-linear: without it they do not apply, and say why.
        for claim in ["A3-raw", "A4-ratio", "A4-slope-power2", "A7-heun"] {
            let check = try #require(TestRuns.check(claim, in: run))
            #expect(check.verdict == .notApplicable)
            #expect(check.reason?.contains("processes ⊇ {vp-linear}") == true, "\(claim): \(check.reason ?? "")")
        }
        // The sweeps were not selected.
        #expect(TestRuns.check("A5-fo", in: run)?.verdict == .notRun)
        // The first-order law also holds for these processes on the EDM grid (5 % at K = 5120).
        for process in ["vp-cosine", "ve-edm"] {
            for eta in ["0", "1"] {
                let ratio = results.scalar("ratioKmax.\(process).twoscale.edm7.eta\(eta)") ?? .nan
                #expect(abs(ratio - 1) < 0.05, "\(process) η = \(eta): K·W2/𝓔 = \(ratio)")
            }
        }
    }
}

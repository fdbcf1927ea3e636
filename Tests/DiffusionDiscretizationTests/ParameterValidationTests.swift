import Foundation
import Testing
import WorkbenchCore

@testable import DiffusionDiscretization

/// Usage errors must be caught before running and name the offending parameter. Ranges,
/// distinct lists and cross-parameter rules are enforced by the core from the declarations
/// (checked through ``ParameterResolver``, as the command line does); text syntaxes are this
/// module's own element rules (called directly).
@Suite("Parameter validation")
struct ParameterValidationTests {
    /// The usage error `assignments` give, if any.
    func problem(_ assignments: [String]) -> UsageError? {
        do {
            _ = try ParameterResolver.resolve(TestRuns.descriptor, assignments: assignments)
            return nil
        } catch {
            return error
        }
    }

    @Test("Defaults and the paper preset resolve; parts are the core's selection")
    func defaultsAreValid() throws {
        _ = try ParameterResolver.resolve(TestRuns.descriptor, assignments: [])
        _ = try ParameterResolver.resolve(TestRuns.descriptor, preset: "paper", assignments: [])
        let keys = Set(TestRuns.descriptor.parameters.map(\.key))
        #expect(Set(DiffusionDiscretizationExperiment.paperPreset.overrides.keys).isSubset(of: keys))
        #expect(
            TestRuns.descriptor.parts.map(\.name) == [
                "monte-carlo", "oracles", "convergence", "kernel", "sweeps", "extensions",
            ])
        let claimGroups = TestRuns.descriptor.claims.map { $0.id.prefix(2) }
        #expect(claimGroups == claimGroups.sorted(), "claims read A1 … A7 in part order")
        #expect(TestRuns.descriptor.partsParameter.defaultValue == .textList(TestRuns.descriptor.parts.map(\.name)))
    }

    @Test("The part switches of the old interface are gone", arguments: ["optimize", "monteCarlo", "extensions"])
    func removedSwitches(key: String) throws {
        let error = try #require(problem(["\(key)=false"]))
        #expect(error.message.contains("unknown parameter '\(key)'"))
        #expect(problem(["parts=convergence,sweeps"]) == nil)
        #expect(problem(["parts=optimize"])?.message.contains("'parts'") == true)
    }

    @Test("ε > 0, T > 0 are strict lower bounds; K ≥ 1 and η ≥ 0 for every list element")
    func declaredRanges() throws {
        for parameter in [Declared.eps, Declared.veEps, Declared.horizon, Declared.veHorizon, Declared.cosineHorizon] {
            guard case .range(let low, _, let exclusive) = parameter.spec.constraint else {
                Issue.record("\(parameter.key) has no range constraint")
                continue
            }
            #expect(low == 0 && exclusive)
        }
        let lists: [(ParameterSpec, Double)] = [
            (Declared.stepCounts.spec, 1), (Declared.sweepStepCounts.spec, 1), (Declared.mcStepCounts.spec, 1),
            (Declared.etas.spec, 0), (Declared.sweepEtas.spec, 0), (Declared.mcEtas.spec, 0),
        ]
        for (spec, minimum) in lists {
            guard case .list(let count, .range(let low, _, let exclusive), let distinct) = spec.constraint else {
                Issue.record("\(spec.key) has no element range")
                continue
            }
            #expect(count >= 1 && low == minimum && !exclusive && distinct)
        }
        #expect(problem(["eps=0"])?.message.contains("'eps'") == true)
        #expect(problem(["Ks=10,0"])?.message.contains("'Ks'") == true)
        #expect(problem(["etas=-0.5"])?.message.contains("'etas'") == true)
    }

    @Test(
        "Cross-parameter rules name the parameter",
        arguments: [
            (["T=1e-3"], "T"),
            (["eps=0.5", "T=0.4"], "T"),
            (["cosineT=1"], "cosineT"),
            (["cosineT=1e-4"], "cosineT"),
            (["veT=0.001"], "veT"),
            (["betaMin=30"], "betaMax"),
            (["mcSamples=9"], "mcSamples"),
        ])
    func crossParameterRules(assignments: [String], key: String) throws {
        let error = try #require(problem(assignments))
        #expect(error.message.hasPrefix("parameter '\(key)'"), "\(error.message)")
    }

    @Test("Duplicated list entries are rejected, naming the list")
    func duplicates() {
        #expect(problem(["etas=0,1,1"])?.message.contains("'etas'") == true)
        #expect(problem(["Ks=10,10"])?.message.contains("'Ks'") == true)
        #expect(problem(["processes=vp-linear,vp-linear"])?.message.contains("'processes'") == true)
        // Different texts with the same key label.
        #expect(problem(["grids=power:2,power:2.0"])?.message.hasPrefix("parameter 'grids'") == true)
        #expect(problem(["sweepGrids=edm:7,edm:7.0"])?.message.hasPrefix("parameter 'sweepGrids'") == true)
        #expect(problem(["spectra=pow:1,pow:1.0"])?.message.hasPrefix("parameter 'spectra'") == true)
    }

    @Test("Process names are a closed set")
    func processNames() throws {
        guard case .list(_, .choices(let names), _) = Declared.processes.spec.constraint else {
            Issue.record("processes is not a list of choices")
            return
        }
        #expect(names == ["vp-linear", "vp-cosine", "ve-edm"])
        guard case .choices(let starts) = Declared.initialization.spec.constraint else {
            Issue.record("init is not a choice")
            return
        }
        #expect(starts == ["exact", "prior"])
    }

    @Test(
        "Grid syntax",
        arguments: [
            ("uniform", true), ("power:2", true), ("power:1", true), ("edm:7", true), ("edm:0.5", true),
            ("power:0.5", false), ("power:", false), ("power:x", false), ("edm:0", false), ("edm:-1", false),
            ("karras", false), ("power:inf", false),
        ])
    func gridSyntax(text: String, accepted: Bool) {
        let reason = DiffusionDiscretizationExperiment.gridRule(text)
        #expect((reason == nil) == accepted)
        if let reason { #expect(reason.contains(text)) }
    }

    @Test(
        "Spectrum syntax",
        arguments: [
            ("pow:1", true), ("pow:0.5", true), ("pow:0", true), ("twoscale", true), ("pow:-1", false),
            ("pow", false), ("two-scale", false), ("file:", false), ("file:/nonexistent/eigs.txt", false),
            ("cov:/nonexistent/cov.txt", false),
        ])
    func spectrumSyntax(text: String, accepted: Bool) {
        #expect((DiffusionDiscretizationExperiment.spectrumRule(text) == nil) == accepted)
    }

    @Test("Spectrum files: readable files pass, malformed ones are rejected with a reason")
    func spectrumFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("diffusion-discretization-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let good = try write("eigs.txt", "# eigenvalues\n0.5\n2\n\n-1e-18\n1\n")
        #expect(DiffusionDiscretizationExperiment.spectrumRule("file:\(good)") == nil)
        #expect(try SpectrumSpecification.eigenvalueFile(path: good).eigenvalues(dimension: 1) == [2, 1, 0.5, 0])
        let bad = try write("bad.txt", "1\nabc\n")
        #expect(DiffusionDiscretizationExperiment.spectrumRule("file:\(bad)")?.contains("line 2") == true)
        let cov = try write("cov.txt", "2, 1\n1, 2\n")
        #expect(DiffusionDiscretizationExperiment.spectrumRule("cov:\(cov)") == nil)
        let values = try SpectrumSpecification.covarianceFile(path: cov).eigenvalues(dimension: 1)
        #expect(abs(values[0] - 3) < 1e-14 && abs(values[1] - 1) < 1e-14)
        let asymmetric = try write("asym.txt", "2 1\n0 2\n")
        #expect(DiffusionDiscretizationExperiment.spectrumRule("cov:\(asymmetric)")?.contains("symmetric") == true)
        #expect(SpectrumSpecification("file:\(good)")?.label == "file-eigs")
    }

    @Test("Built-in spectra")
    func builtInSpectra() throws {
        let power = try SpectrumSpecification.powerLaw(alpha: 2).eigenvalues(dimension: 4)
        #expect(power == [1, 0.25, 1.0 / 9, 1.0 / 16])
        #expect(try SpectrumSpecification.twoScale.eigenvalues(dimension: 99) == [1, 0.01])
        #expect(SpectrumSpecification("pow:0.5")?.label == "pow0.5")
        #expect(TimeGrid("power:2")?.label == "power2")
    }
}

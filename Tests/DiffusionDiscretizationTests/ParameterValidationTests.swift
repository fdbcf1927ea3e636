import Foundation
import Testing
import WorkbenchCore

@testable import DiffusionDiscretization

/// Usage errors must be caught before running and name the offending parameter. Single-value
/// ranges are enforced by the core from the declared constraints (checked here by inspecting
/// them); text syntaxes and cross-parameter rules are this module's own code (called directly).
@Suite("Parameter validation")
struct ParameterValidationTests {
    let experiment = DiffusionDiscretizationExperiment()

    /// The declared defaults with `overrides` applied.
    func parameters(_ overrides: [String: ParameterValue] = [:]) -> ParameterSet {
        var values = [String: ParameterValue]()
        for spec in experiment.descriptor.parameters { values[spec.key] = spec.defaultValue }
        for (key, value) in overrides { values[key] = value }
        return ParameterSet(values)
    }

    func spec(_ key: String) throws -> ParameterSpec {
        try #require(experiment.descriptor.parameter(key))
    }

    @Test("Defaults and the paper preset pass the cross-parameter rules")
    func defaultsAreValid() {
        #expect(experiment.descriptor.validate(parameters()) == nil)
        #expect(
            experiment.descriptor.validate(parameters(DiffusionDiscretizationExperiment.paperPreset.overrides)) == nil)
        let keys = Set(experiment.descriptor.parameters.map(\.key))
        #expect(Set(DiffusionDiscretizationExperiment.paperPreset.overrides.keys).isSubset(of: keys))
    }

    @Test("ε > 0, T > 0 are strict lower bounds; K ≥ 1 and η ≥ 0 for every list element")
    func declaredRanges() throws {
        for key in ["eps", "veEps", "T", "veT", "cosineT"] {
            guard case .range(let low, _, let exclusive) = try spec(key).constraint else {
                Issue.record("\(key) has no range constraint")
                continue
            }
            #expect(low == 0 && exclusive)
        }
        for (key, minimum) in [("Ks", 1.0), ("sweepKs", 1), ("mcKs", 1), ("etas", 0), ("sweepEtas", 0), ("mcEtas", 0)] {
            guard case .list(let count, .range(let low, _, let exclusive)) = try spec(key).constraint else {
                Issue.record("\(key) has no element range")
                continue
            }
            #expect(count >= 1 && low == minimum && !exclusive)
        }
    }

    @Test("T must exceed ε (and the other windows likewise)")
    func timeWindows() {
        let cases: [([String: ParameterValue], String)] = [
            (["T": .real(1e-3)], "T"),
            (["eps": .real(0.5), "T": .real(0.4)], "T"),
            (["cosineT": .real(1)], "cosineT"),
            (["cosineT": .real(1e-4)], "cosineT"),
            (["veT": .real(0.001)], "veT"),
            (["betaMin": .real(30)], "betaMax"),
            (["mcSamples": .int(9)], "mcSamples"),
        ]
        for (overrides, key) in cases {
            let problem = experiment.descriptor.validate(parameters(overrides))
            #expect(problem?.parameter == key)
        }
    }

    @Test("Duplicated list entries are rejected, naming the list")
    func duplicates() {
        #expect(experiment.descriptor.validate(parameters(["etas": .realList([0, 1, 1])]))?.parameter == "etas")
        #expect(experiment.descriptor.validate(parameters(["Ks": .intList([10, 10])]))?.parameter == "Ks")
        #expect(
            experiment.descriptor.validate(parameters(["grids": .textList(["power:2", "power:2.0"])]))?.parameter
                == "grids")
        #expect(
            experiment.descriptor.validate(parameters(["spectra": .textList(["pow:1", "pow:1.0"])]))?.parameter
                == "spectra")
    }

    @Test("Process names are a closed set")
    func processNames() throws {
        guard case .list(_, .choices(let names)) = try spec("processes").constraint else {
            Issue.record("processes is not a list of choices")
            return
        }
        #expect(names == ["vp-linear", "vp-cosine", "ve-edm"])
        guard case .choices(let starts) = try spec("init").constraint else {
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

import Foundation
import Testing
import WorkbenchCore

@testable import AttentionLipschitz

/// Bad parameters are usage errors naming the parameter (and the closest valid word).
struct ParameterValidationTests {
    static func problem(_ assignments: [String]) -> String? {
        do {
            _ = try ParameterResolver.resolve(AttentionLipschitzExperiment().descriptor, assignments: assignments)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(
        "n ≥ 1 (≥ 2 for the construction and real text), R > 0, known parts, a readable corpus",
        arguments: [
            ("riCounts=0,4", "riCounts"), ("advCounts=1,5", "advCounts"), ("ptCounts=1", "ptCounts"),
            ("advRadii=0", "advRadii"), ("ascRadius=-1", "ascRadius"), ("mfRadii=3,-2", "mfRadii"),
            ("parts=oracle", "oracles"), ("corpus=/nonexistent/licence.txt", "corpus"), ("corpus=/tmp", "corpus"),
            ("ptLayers=6", "ptLayers"), ("lanczosCap=1", "lanczosCap"),
        ])
    func rejected(_ assignment: String, _ named: String) {
        let message = Self.problem([assignment])
        #expect(message != nil, "\(assignment) was accepted")
        #expect(message?.contains(named) == true, "\(message ?? "")")
    }

    @Test("the defaults and the paper preset resolve")
    func accepted() throws {
        #expect(Self.problem([]) == nil)
        _ = try ParameterResolver.resolve(AttentionLipschitzExperiment().descriptor, preset: "paper", assignments: [])
    }

    @Test("a wrong-size or corrupt weights file is refused before the run with the fetch command")
    func corruptWeights() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("al-weights-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let experiment = AttentionLipschitzExperiment().descriptor
        let location = InputLocation(root: root)
        let weights = try #require(experiment.inputs.first { $0.id == "weights" })
        let url = location.file(experiment: experiment.id, input: weights)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 7, count: 1000).write(to: url)
        guard
            case .failure(let problem) = InputResolver.resolve(
                one: weights, experiment: experiment.id, location: location)
        else {
            Issue.record("a corrupt weights file was accepted")
            return
        }
        #expect(problem.description.contains("expected 53aa5117"))
        #expect(problem.description.contains("workbench fetch attention-lipschitz"))
    }
}

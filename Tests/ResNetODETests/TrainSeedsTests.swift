import Testing
import WorkbenchCore

@testable import ResNetODE

/// `trainSeeds`: each seed its own teacher, data and initialisation, recorded under its own key
/// coordinate; the train claims hold on every seed.
@Suite("train part seeds", .serialized)
struct TrainSeedsTests {
    static func settings(_ seeds: [Int]) -> [PresetSetting] {
        [
            TestRuns.parts.set(["train"]), Declared.trainDepths.set([2, 4]), Declared.trainIters.set(4),
            Declared.trainBatch.set(8), Declared.trainSeeds.set(seeds),
        ]
    }

    @Test("a seed's values do not depend on which other seeds run; different seeds give different values")
    func seedsAreIndependent() throws {
        let alone = try TestRuns.run(Self.settings([3])).results.metrics
        let together = try TestRuns.run(Self.settings([0, 3])).results.metrics
        let seedThree = together.filter { $0.key.hasPrefix("train.seed3.") }
        #expect(!seedThree.isEmpty)
        #expect(seedThree == alone)
        let lossKey = TrainingStudy.key(0, .euler, "backprop", "train_loss").text
        let zero = together.first { $0.key == lossKey && $0.x == 4 }
        let three = together.first { $0.key == lossKey.replacingOccurrences(of: "seed0", with: "seed3") && $0.x == 4 }
        #expect(zero != nil && three != nil && zero?.value != three?.value)
    }

    @Test("a train claim is decided by the worst seed and names it")
    func worstSeedDecides() throws {
        let run = try TestRuns.run(Self.settings([0, 3]))
        let results = run.results
        let check = try #require(run.checks.first { $0.claim == "train-heun-joins-early" })
        let ratios = [0, 3].compactMap {
            results.value(TrainingStudy.key($0, .heun, nil, "adj_over_bp").text, at: 4)
        }
        #expect(ratios.count == 2)
        #expect(check.measurement?.value == ratios.max())
        #expect(check.measurement?.detail?.contains("worst of 2 seeds") == true)
    }
}

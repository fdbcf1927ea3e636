import Testing
import WorkbenchCore
@testable import TokenSampleComplexity

@Suite("token-sample-complexity parameters")
struct ParameterValidationTests {
    static let descriptor = TokenSampleComplexityExperiment().descriptor

    @Test(arguments: [
        ("uniformN=0,128", "uniformN"), ("momentsN=256", "momentsN"), ("uniformRadii=-1,1", "uniformRadii"),
        ("uniformDimension=0", "uniformDimension"), ("momentsDimension=0", "momentsDimension"),
        ("hardmaxSphereDimensions=1,3", "hardmaxSphereDimensions"), ("parts=uniform,attention", "parts"),
        ("momentsReps=1", "momentsReps"), ("uniformN=128,128,256", "uniformN"),
        ("momentsHorizons=1,1.0", "momentsHorizons"), ("hardmaxKappa=0", "hardmaxKappa"),
        ("momentsForm=wrong", "momentsForm"),
    ])
    func badValuesAreUsageErrorsNamingTheParameter(assignment: String, parameter: String) {
        do {
            _ = try ParameterResolver.resolve(Self.descriptor, assignments: [assignment])
            Issue.record("\(assignment) was accepted")
        } catch {
            #expect(error.description.contains(parameter))
        }
    }

    @Test func presetsAndDefaultsResolve() throws {
        for preset in Self.descriptor.allPresets.map(\.name) {
            let parameters = try ParameterResolver.resolve(Self.descriptor, preset: preset, assignments: [])
            #expect(try parameters.texts("parts") == ["uniform", "moments", "hardmax"])
        }
        let paper = try ParameterResolver.resolve(Self.descriptor, preset: "paper", assignments: [])
        #expect(
            try paper.ints("momentsN") == [1000, 1362, 1855, 2528, 3444, 4692, 6392, 8709, 11865, 16164, 22021, 30000])
        let lite = try ParameterResolver.resolve(Self.descriptor, preset: "paper-lite", assignments: [])
        // numpy: geomspace(1000, 8000, 8).astype(int)
        #expect(try lite.ints("momentsN") == [1000, 1345, 1811, 2438, 3281, 4416, 5943, 8000])
        #expect(Self.descriptor.allPresets.map(\.name) == ["quick", "paper-lite", "paper"])
    }

    @Test func claimIdentifiersAreUniqueAndCoverSectionSix() {
        let ids = Self.descriptor.claims.map(\.id)
        #expect(Set(ids).count == ids.count)
        for family in ["E1-a", "E1-b", "E1-c", "E2-a", "E2-b", "E2-c", "E3a", "E3b", "E3c", "X1"] {
            #expect(ids.contains { $0.hasPrefix(family + ".") }, "\(family)")
        }
    }
}

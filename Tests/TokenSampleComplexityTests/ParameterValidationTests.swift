import Testing
import WorkbenchCore
@testable import TokenSampleComplexity

@Suite("token-sample-complexity parameters")
struct ParameterValidationTests {
    typealias Experiment = TokenSampleComplexityExperiment
    static let descriptor = Experiment().descriptor

    @Test(arguments: [
        ("uniformN=0,128", "uniformN"), ("momentsN=256", "momentsN"), ("uniformRadii=-1,1", "uniformRadii"),
        ("uniformDimension=0", "uniformDimension"), ("momentsDimension=0", "momentsDimension"),
        ("hardmaxSphereDimensions=1,3", "hardmaxSphereDimensions"), ("parts=uniform,attention", "parts"),
        ("momentsReps=1", "momentsReps"), ("hardmaxKappa=0", "hardmaxKappa"), ("momentsForm=wrong", "momentsForm"),
    ])
    func badValuesAreUsageErrorsNamingTheParameter(assignment: String, parameter: String) {
        do {
            _ = try ParameterResolver.resolve(Self.descriptor, assignments: [assignment])
            Issue.record("\(assignment) was accepted")
        } catch {
            #expect(error.description.contains("'\(parameter)'"), "\(error.description)")
        }
    }

    /// Every list whose elements must not repeat (one series point per `n`, one configuration per
    /// radius, horizon, signal or dimension) rejects a duplicate, naming the parameter; reals are
    /// compared by their canonical text, so `1` and `1.0` are the same horizon.
    @Test(arguments: [
        ("uniformN=128,128,256", "uniformN"), ("momentsN=256,512,256", "momentsN"),
        ("hardmaxAnnealedN=64,64", "hardmaxAnnealedN"), ("hardmaxSphereN=16,16", "hardmaxSphereN"),
        ("hardmaxGaussN=16,64,16", "hardmaxGaussN"), ("uniformRadii=0.5,0.5", "uniformRadii"),
        ("momentsHorizons=1,1.0", "momentsHorizons"), ("hardmaxGaussSignals=5,5", "hardmaxGaussSignals"),
        ("hardmaxAnnealedDimensions=3,3", "hardmaxAnnealedDimensions"),
        ("hardmaxSphereDimensions=3,8,3", "hardmaxSphereDimensions"), ("parts=uniform,uniform", "parts"),
    ])
    func duplicateListElementsAreUsageErrors(assignment: String, parameter: String) {
        do {
            _ = try ParameterResolver.resolve(Self.descriptor, assignments: [assignment])
            Issue.record("\(assignment) was accepted")
        } catch {
            #expect(error.description.contains("'\(parameter)'"), "\(error.description)")
            #expect(error.description.contains("listed twice"), "\(error.description)")
        }
    }

    @Test func presetsAndDefaultsResolve() throws {
        for preset in Self.descriptor.allPresets.map(\.name) {
            let parameters = try ParameterResolver.resolve(Self.descriptor, preset: preset, assignments: [])
            #expect(Self.descriptor.selectedParts(parameters).map(\.name) == ["uniform", "moments", "hardmax"])
        }
        let paper = try ParameterResolver.resolve(Self.descriptor, preset: "paper", assignments: [])
        #expect(
            paper[Experiment.momentsN] == [1000, 1362, 1855, 2528, 3444, 4692, 6392, 8709, 11865, 16164, 22021, 30000])
        #expect(paper[Experiment.uniformRadii] == (1...12).map { 0.25 * Double($0) })
        let lite = try ParameterResolver.resolve(Self.descriptor, preset: "paper-lite", assignments: [])
        // numpy: geomspace(1000, 8000, 8).astype(int)
        #expect(lite[Experiment.momentsN] == [1000, 1345, 1811, 2438, 3281, 4416, 5943, 8000])
        #expect(Self.descriptor.allPresets.map(\.name) == ["quick", "paper-lite", "paper"])
    }

    /// The parameters users see are those of the module before the parts migration, in the same
    /// order, with the core's `parts` first.
    @Test func parameterKeysAndOrderAreUnchanged() {
        #expect(
            Self.descriptor.parameters.map(\.key) == [
                "parts", "bootstrapResamples", "uniformDimension", "uniformRadii", "uniformN", "uniformReps",
                "uniformSphereQueries", "uniformInteriorQueries", "uniformRefineSteps", "uniformValueMap",
                "momentsDimension", "momentsVariance", "momentsHorizons", "momentsN", "momentsReps", "momentsForm",
                "hardmaxAnnealedDimensions", "hardmaxKappa", "hardmaxRadius", "hardmaxQueryScale", "hardmaxAnnealedN",
                "hardmaxAnnealedReps", "hardmaxSphereDimensions", "hardmaxSphereN", "hardmaxSphereReps",
                "hardmaxGaussSignals", "hardmaxGaussN", "hardmaxGaussReps",
            ])
        #expect(
            Self.descriptor.parameter("uniformN")?.defaultValue == .intList([128, 256, 512, 1024, 2048, 4096, 8192]))
        #expect(
            Self.descriptor.parameter("hardmaxAnnealedN")?.defaultValue
                == .intList([64, 256, 1024, 4096, 16384, 65536]))
    }

    /// Every declared parameter is read by some part, every part's parameters are declared, and
    /// no parameter is listed twice by one part.
    @Test func partsDeclareTheDeclaredParameters() {
        let declared = Set(Self.descriptor.declaredParameters.map(\.key))
        let read = Self.descriptor.parts.flatMap { $0.parameters.map(\.key) }
        #expect(Set(read) == declared)
        for part in Self.descriptor.parts {
            let keys = part.parameters.map(\.key)
            #expect(Set(keys).count == keys.count, "\(part.name)")
        }
        #expect(Self.descriptor.parts.map(\.name) == ["uniform", "moments", "hardmax"])
        let uniform = Self.descriptor.part("uniform").map { Set($0.parameters.map(\.key)) } ?? []
        #expect(uniform.allSatisfy { $0 == "bootstrapResamples" || $0.hasPrefix("uniform") })
        let moments = Self.descriptor.part("moments").map { Set($0.parameters.map(\.key)) } ?? []
        #expect(moments.allSatisfy { $0 == "bootstrapResamples" || $0.hasPrefix("moments") })
    }

    @Test func claimIdentifiersAreUniqueAndCoverSectionSix() {
        let ids = Self.descriptor.claims.map(\.id)
        #expect(Set(ids).count == ids.count)
        for family in ["E1-a", "E1-b", "E1-c", "E2-a", "E2-b", "E2-c", "E3a", "E3b", "E3c", "X1"] {
            #expect(ids.contains { $0.hasPrefix(family + ".") }, "\(family)")
        }
        #expect(Self.descriptor.part(deciding: "X1.H2")?.name == "moments")
        #expect(Self.descriptor.part(deciding: "E3c.slope")?.name == "hardmax")
        #expect(Self.descriptor.part(deciding: "E1-c.growth")?.name == "uniform")
    }

    /// E2-b's statements give the accepted interval, with the tolerance below β(H) (issue: the
    /// H = 2 and H = 3 checks pass below β(H), which the statement must say).
    @Test func sandwichStatementsStateTheirInterval() throws {
        for claim in Self.descriptor.claims where claim.id.hasPrefix("E2-b.") {
            #expect(claim.statement.contains("β(H) − 0.03 = \(ReportNumber.format(claim.expected.low))"), "\(claim.id)")
            #expect(claim.statement.contains("envelope + 0.10 = \(ReportNumber.format(claim.expected.high))"))
        }
        let h2 = try #require(Self.descriptor.claims.first { $0.id == "E2-b.H2" })
        #expect(abs(h2.expected.low - 0.07) < 1e-12 && abs(h2.expected.high - 0.35) < 1e-12)
    }
}

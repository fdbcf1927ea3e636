import Foundation
import Testing
import WorkbenchCore
import WorkbenchStore
@testable import TokenSampleComplexity

/// Claims whose measure reads a specific grid value are `not-applicable`, with the reason, when a
/// run's grid lacks it.
@Suite("token-sample-complexity claim conditions")
struct ClaimApplicabilityTests {
    static let descriptor = TokenSampleComplexityExperiment().descriptor

    /// Evaluates `claim` on empty results of a run with `assignments` (conditions are decided on
    /// the parameters alone).
    static func check(_ claim: String, _ assignments: [String]) throws -> CheckResult {
        let parameters = try ParameterResolver.resolve(descriptor, assignments: assignments)
        let results = RunResults(
            runID: "", experiment: descriptor.id, preset: "quick", seed: 0, parameters: parameters, metrics: [])
        let spec = try #require(descriptor.claims.first { $0.id == claim })
        return ClaimEvaluator.evaluate(spec, on: results)
    }

    @Test(arguments: [
        ("E1-a.R0.5", "uniformRadii=1,1.5", "uniformRadii ⊇ {0.5}"),
        ("E1-a.R1", "uniformRadii=0.5,2", "uniformRadii ⊇ {1.0}"),
        ("E1-b.R1.5", "uniformRadii=0.5,2", "uniformRadii ⊇ {1.5}"),
        ("E1-b.R2", "uniformRadii=0.5,1", "uniformRadii ⊇ {2.0}"),
        ("E1-b.flatten", "uniformRadii=0.5,1", "uniformRadii ⊇ {0.5, 2.0}"),
        ("E1-c.R1.5", "uniformRadii=0.5", "uniformRadii ⊇ {1.5}"),
        ("E1-c.growth", "uniformRadii=0.5", "at least 2 values of uniformRadii"),
        ("E2-a.cov.H0.25", "momentsHorizons=0.5,1,2", "momentsHorizons ⊇ {0.25}"),
        ("E2-b.H2", "momentsHorizons=0.5,1,3", "momentsHorizons ⊇ {2.0}"),
        ("E2-b.H3", "momentsHorizons=0.5,1,2", "momentsHorizons ⊇ {3.0}"),
        ("E2-c.cov.H3", "momentsHorizons=0.5,1,2", "momentsHorizons ⊇ {3.0}"),
        ("E2-c.spearman", "momentsHorizons=1,3", "at least 3 values of momentsHorizons"),
        ("E2-c.order", "momentsHorizons=0.25,0.5", "some momentsHorizons ≥ 1"),
        ("X1.H0.5", "momentsHorizons=1,2,3", "momentsHorizons ⊇ {0.5}"),
        ("X1.H3", "momentsHorizons=0.5,1,2", "momentsHorizons ⊇ {3.0}"),
        ("E3a.limit", "hardmaxKappa=3", "hardmaxKappa = 2.0"),
        ("E3a.limit", "hardmaxQueryScale=0.5", "hardmaxQueryScale = 1.0"),
        ("E3a.limit", "hardmaxAnnealedN=64,256,1024", "max hardmaxAnnealedN ≥ 65536"),
        ("E3a.monotone", "hardmaxAnnealedDimensions=5", "hardmaxAnnealedDimensions ⊇ {3}"),
        ("E3a.monotone", "hardmaxAnnealedN=64,256,1024", "at least 2 values of hardmaxAnnealedN ≥ 1024"),
        ("E3b.d32", "hardmaxSphereDimensions=3,8", "hardmaxSphereDimensions ⊇ {32}"),
        ("E3c.slope", "hardmaxGaussSignals=3,4", "hardmaxGaussSignals ⊇ {5.0}"),
    ])
    func outOfSettingClaimsAreNotApplicable(claim: String, assignment: String, condition: String) throws {
        let check = try Self.check(claim, [assignment])
        #expect(check.verdict == .notApplicable)
        let key = String(assignment.prefix { $0 != "=" })
        #expect(check.reason?.contains("needs \(condition)") == true, "\(check.reason ?? "no reason")")
        #expect(check.reason?.contains("this run has \(key)=") == true, "\(check.reason ?? "no reason")")
    }

    /// Inside the paper's setting the same claims are measured (here: nothing was recorded, so
    /// they are inconclusive, not not-applicable).
    @Test func defaultGridsAreInsideTheSetting() throws {
        for claim in Self.descriptor.claims {
            let check = try Self.check(claim.id, [])
            #expect(check.verdict == .inconclusive, "\(claim.id): \(check.reason ?? "")")
        }
    }

    /// A whole run outside the setting: radii without 0.5 leave the R = 0.5 claims not
    /// applicable and still decide the others.
    @Test func runWithoutTheSettingsRadiusDecidesTheRest() throws {
        let assignments =
            RunHarness.reduced.filter { !$0.hasPrefix("uniformRadii=") } + [
                "uniformRadii=1,2", "parts=uniform",
            ]
        let run = try RunHarness.run(RunHarness.parameters(preset: "quick", assignments))
        let verdicts = RunHarness.verdicts(run)
        for claim in ["E1-a.R0.5", "E1-b.flatten", "E1-c.R0.5", "E1-b.R1.5"] {
            #expect(verdicts[claim]?.verdict == .notApplicable, "\(claim)")
            #expect(
                verdicts[claim]?.reason?.contains("uniformRadii=1.0,2.0") == true, "\(verdicts[claim]?.reason ?? "")")
        }
        for claim in ["E1-a.R1", "E1-b.R2", "E1-c.R1", "E1-c.growth"] {
            #expect(verdicts[claim]?.verdict.isDecided == true, "\(claim)")
        }
    }
}

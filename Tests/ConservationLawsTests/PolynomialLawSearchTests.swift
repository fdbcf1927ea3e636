import Testing
import WorkbenchNumerics
@testable import ConservationLaws

@Suite("polynomial-law search")
struct PolynomialLawSearchTests {
    /// The kernel basis of a reduced system annihilates every inserted row, exactly mod p, and
    /// has dimension columns − rank.
    @Test func kernelBasisAnnihilatesTheRows() {
        let modular = ModularArithmetic()
        let rows: [[Int64]] = [[1, 2, 0, -1, 3], [0, 1, 1, 4, -2], [3, 7, 1, 1, 7]]
        var basis = ModularRowBasis(dimension: 5)
        for row in rows { basis.insert(row.map(modular.element)) }
        let kernel = basis.kernelBasis()
        #expect(kernel.count == 5 - basis.rank)
        for vector in kernel {
            for row in rows {
                let dot = zip(row.map(modular.element), vector).reduce(UInt64(0)) {
                    modular.add($0, modular.multiply($1.0, $1.1))
                }
                #expect(dot == 0)
            }
        }
    }

    /// Spec §2 example B: φ = x1x2x3 has the degree-2 laws x3² − x1², x2² − x1² (kernel 2, rank 2).
    @Test func productHasTwoQuadraticLaws() throws {
        var random = Xoshiro256StarStar(seed: 2)
        let model = try FactorizedModel(.product(dimension: 3), random: &random)
        let outcome = try PolynomialLawSearch(model: model, degree: 2).run(random: &random)
        #expect(outcome.unknowns == 6)
        #expect(outcome.kernelDimension == 2 && outcome.gradientRank == 2 && outcome.knownInKernel)
        #expect((outcome.maximumPrincipalAngle ?? 1) < 1e-8)
    }

    /// 1-3-1 (spec §3): kernel 9 — the 6 entries of UᵀU − VᵀV and 3 minors — but gradient rank 5 = N.
    @Test func kernelDimensionIsNotTheLawCount() throws {
        var random = Xoshiro256StarStar(seed: 4)
        let model = try FactorizedModel(.linear(widths: [1, 3, 1]), random: &random)
        let outcome = try PolynomialLawSearch(model: model, degree: 2).run(random: &random)
        #expect(outcome.kernelDimension == 9 && outcome.gradientRank == 5 && outcome.floatKernelDimension == 9)
        #expect(outcome.maximumPrincipalAngle == nil)
    }
}

import Testing
import WorkbenchNumerics
@testable import ConservationLaws

/// The three worked examples of spec §3 and the closed-form counts.
@Suite("worked examples and closed forms")
struct WorkedExampleTests {
    /// Example 1: n = m = r = 2, U = [[1,2],[0,1]], V = [[1,0],[1,1]]; variables U11, U12, U21,
    /// U22, V11, V12, V21, V22. In the reference layout for widths [2,2,2] (φ = U_1U_2 with
    /// `U_2 = Vᵀ`), `U_2[k, j] = V[j, k]`.
    @Test func example1TwoLayerLinear() throws {
        var random = Xoshiro256StarStar(seed: 1)
        let model = try FactorizedModel(.linear(widths: [2, 2, 2]), random: &random)
        let u: [Double] = [1, 2, 0, 1]
        let v: [[Double]] = [[1, 0], [1, 1]]
        let point = u + [v[0][0], v[1][0], v[0][1], v[1][1]]  // U_2 row-major: U_2[k, j] = V[j, k]
        let values = model.generators.map { $0.value(at: point) }
        // ∇φ_ij in the spec's variable order (U11,U12,U21,U22,V11,V12,V21,V22).
        let spec: [[Double]] = [
            [1, 0, 0, 0, 1, 2, 0, 0], [1, 1, 0, 0, 0, 0, 1, 2], [0, 0, 1, 0, 0, 1, 0, 0], [0, 0, 1, 1, 0, 0, 0, 1],
        ]
        let reorder = [0, 1, 2, 3, 4, 6, 5, 7]  // spec V-index → layout index
        for (row, expected) in zip(values, spec) {
            #expect(reorder.map { row[$0] } == expected)
        }
        let generatorSigma = try singularValues(values)
        let expectedSigma = [2.9063, 2.4921, 1.6702, 0.7440]
        for (s, e) in zip(generatorSigma, expectedSigma) { #expect(abs(s - e) < 1e-4) }
        var brackets = [[Double]]()
        for i in 0..<4 {
            for j in (i + 1)..<4 {
                brackets.append(try model.generators[i].bracket(with: model.generators[j]).value(at: point))
            }
        }
        let allSigma = try singularValues(values + brackets)
        for (s, e) in zip(allSigma, [3.7431, 3.2933, 2.8687, 1.2965, 1.1105]) { #expect(abs(s - e) < 1e-4) }
        #expect(allSigma[5] < 1e-12)
        // UᵀU − VᵀV = [[−1, 1], [1, 4]]; its 3 entries' gradients are exactly ⊥ to all 10 rows.
        let laws = model.knownLaws
        #expect(laws.map { $0.evaluate(at: point, in: RealArithmetic()) } == [-1, 1, 4])
        for law in laws {
            var gradient = [Double](repeating: 0, count: 8)
            for (variable, value) in law.gradient(at: point, in: RealArithmetic()) { gradient[variable] = value }
            for row in values + brackets { #expect(zip(gradient, row).reduce(0) { $0 + $1.0 * $1.1 } == 0) }
        }
        #expect(try count(model).lawCount == 3)
    }

    /// Example 2: θ = (u, v1, v2), φ = (u v1, u v2); [X, Y] = (0, −v2, v1) and at (1, 2, 3) the
    /// determinant of (X, Y, [X, Y]) vanishes: dim Lie = 2, N = 1, law v1² + v2² − u².
    @Test func example2SingleNeuron() throws {
        var random = Xoshiro256StarStar(seed: 1)
        let model = try FactorizedModel(.relu(widths: [1, 1, 2], bias: false), random: &random)
        // Layout: U_1[0,0] = u (index 0), U_2[0,0] = v1, U_2[0,1] = v2.
        let x = model.generators[0]
        let y = model.generators[1]
        let bracket = try x.bracket(with: y)
        let expected = PolynomialVectorField(
            dimension: 3, components: [(1, try .monomial([2], coefficient: -1)), (2, try .monomial([1]))])
        #expect(bracket == expected)
        let point: [Double] = [1, 2, 3]
        let rows = [x.value(at: point), y.value(at: point), bracket.value(at: point)]
        let determinant =
            rows[0][0] * (rows[1][1] * rows[2][2] - rows[1][2] * rows[2][1])
            - rows[0][1] * (rows[1][0] * rows[2][2] - rows[1][2] * rows[2][0])
            + rows[0][2] * (rows[1][0] * rows[2][1] - rows[1][1] * rows[2][0])
        #expect(determinant == 0)
        let result = try count(model)
        #expect(result.lieDimension == 2 && result.lawCount == 1)
        #expect(
            model.knownLaws == [
                try Polynomial.monomial([0, 0]).subtracting(.monomial([1, 1])).subtracting(.monomial([2, 2]))
            ])
    }

    /// Example 3: [2,4,5,2] needs three bracket levels, 4 > 8 > 12 > 13, N = 25, with a float gap
    /// above 1e6 (the spec measured 3.9e12).
    @Test func example3DeepLinear() throws {
        var random = Xoshiro256StarStar(seed: 1)
        let model = try FactorizedModel(.linear(widths: [2, 4, 5, 2]), random: &random)
        let result = try count(model)
        #expect(result.best.levels == [4, 8, 12, 13])
        #expect(result.lawCount == 25 && result.knownLawCount == 25 && result.exactAndFloatAgree)
        #expect(result.best.gapLog10 > 6)
    }

    /// `earlyExit` stops at rank D − n_known with the same count and fewer bracket evaluations.
    @Test func earlyExitGivesTheSameCount() throws {
        var random = Xoshiro256StarStar(seed: 1)
        let model = try FactorizedModel(.linear(widths: [2, 4, 5, 2]), random: &random)
        var settings = LieTraceSettings()
        settings.earlyExitRank = 38 - 25
        let early = try ConservationLawCount.compute(model, settings: settings, pointCount: 1) { _ in
            Xoshiro256StarStar(seed: 5)
        }
        let blind = try ConservationLawCount.compute(model, settings: LieTraceSettings(), pointCount: 1) { _ in
            Xoshiro256StarStar(seed: 5)
        }
        #expect(early.lawCount == 25 && blind.lawCount == 25)
        #expect(early.best.bracketsEvaluated < blind.best.bracketsEvaluated)
    }

    /// The spec's scalar exceptions: 1-2-3-1 → 10 vs 9 known, 1-2-2-1 → 7 vs 6.
    @Test(arguments: [([1, 2, 3, 1], 10, 9), ([1, 2, 2, 1], 7, 6)])
    func scalarDeepLinearExceptions(_ widths: [Int], _ laws: Int, _ known: Int) throws {
        var random = Xoshiro256StarStar(seed: 1)
        let model = try FactorizedModel(.linear(widths: widths), random: &random)
        let result = try count(model)
        #expect(result.lawCount == laws && result.knownLawCount == known)
        #expect(ClosedFormCounts.isScalarDeepLinearException(model.architecture))
    }

    /// `L(a, r, b)` against the two regimes, and the prod / rand1 / ReLU closed forms.
    @Test func closedForms() throws {
        #expect(ClosedFormCounts.twoLayerLinear(2, 2, 2) == 3)
        #expect(ClosedFormCounts.twoLayerLinear(1, 3, 1) == 5)
        #expect(ClosedFormCounts.twoLayerLinear(2, 5, 2) == 14)
        #expect(ClosedFormCounts.twoLayerLinearGeneratorRank(3, 2, 4) == 10)
        #expect(ClosedFormCounts.lawCount(try ArchitectureSpec(parsing: "relu:9-9-8-8-8:b")) == 25)
        #expect(ClosedFormCounts.lawCount(try ArchitectureSpec(parsing: "lin:5-5-4-4-5")) == 35)
        #expect(ClosedFormCounts.lawCount(.product(dimension: 4)) == 3)
        for text in ["prod:4", "rand1:5:3", "lin:3-2-4", "relu:4-3-5:b", "lin:5-5-4-4-5"] {
            var random = Xoshiro256StarStar(seed: 3)
            let model = try FactorizedModel(try ArchitectureSpec(parsing: text), random: &random)
            #expect(try count(model).lawCount == ClosedFormCounts.lawCount(model.architecture), "\(text)")
        }
    }

    /// The matrix algebra of the A_ij is so(n, m), of dimension c(c−1)/2.
    @Test func matrixAlgebraIsSoNM() {
        #expect(MatrixLieAlgebra.dimension(outputs: 2, inputs: 3) == 10)
        #expect(MatrixLieAlgebra.dimension(outputs: 1, inputs: 1) == 1)
    }

    private func count(_ model: FactorizedModel) throws -> ConservationLawCount {
        try ConservationLawCount.compute(model, settings: LieTraceSettings(), pointCount: 2) {
            Xoshiro256StarStar(seed: UInt64(100 + $0))
        }
    }

    private func singularValues(_ rows: [[Double]]) throws -> [Double] {
        try SingularValueDecomposition(of: Matrix(rowMajor: rows), computeVectors: false).singularValues
    }
}

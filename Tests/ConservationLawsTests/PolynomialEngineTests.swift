import Testing
import WorkbenchNumerics
@testable import ConservationLaws

@Suite("polynomial engine")
struct PolynomialEngineTests {
    let modular = ModularArithmetic()

    /// Reference values computed with Python's arbitrary-precision integers
    /// (`a*b % p`, `pow(a, p-2, p)`, `-7 % p`, `pow(3, 10**18, p)`).
    @Test func modularArithmeticMatchesArbitraryPrecision() {
        let a: UInt64 = 1_234_567_890_123_456_789
        let b: UInt64 = 2_305_843_009_213_693_950
        #expect(modular.multiply(a, b) == 1_071_275_119_090_237_162)
        #expect(modular.multiply(a, a) == 1_148_104_933_155_774_205)
        #expect(modular.inverse(a) == 2_179_019_607_881_955_056)
        #expect(modular.element(-7) == 2_305_843_009_213_693_944)
        #expect(modular.power(3, 1_000_000_000_000_000_000) == 1_990_325_404_628_017_161)
        #expect(modular.multiply(a, modular.inverse(a)) == 1)
        #expect(modular.add(b, 1) == 0)
        #expect(modular.subtract(0, 1) == b)
    }

    @Test func monomialProductsAndDerivatives() throws {
        let m = try Monomial(variables: [3, 0, 3])
        #expect(m.variables == [0, 3, 3])
        #expect(m.degree == 3)
        let product = try m.multiplied(by: Monomial(variables: [1, 3, 510]))
        #expect(product.variables == [0, 1, 3, 3, 3, 510])
        let derivative = try #require(product.derivative(3))
        #expect(derivative.exponent == 3)
        #expect(derivative.monomial.variables == [0, 1, 3, 3, 510])
        #expect(product.derivative(2) == nil)
        #expect(throws: PolynomialError.degreeTooHigh(15)) {
            try Monomial(variables: Array(repeating: 1, count: 10)).multiplied(
                by: Monomial(variables: [1, 2, 3, 4, 5]))
        }
        #expect(throws: PolynomialError.variableOutOfRange(511)) { try Monomial(variables: [511]) }
    }

    @Test func polynomialArithmeticIsExact() throws {
        // (x0 + x1)² − (x0² + 2x0x1 + x1²) = 0 and ∂/∂x0 (x0²x1) = 2x0x1.
        let sum = try Polynomial.monomial([0]).adding(.monomial([1]))
        let square = try sum.multiplied(by: sum)
        let expanded = try Polynomial.monomial([0, 0]).adding(.monomial([0, 1], coefficient: 2)).adding(
            .monomial([1, 1]))
        #expect(try square.subtracting(expanded).isZero)
        #expect(try Polynomial.monomial([0, 0, 1]).derivative(0) == Polynomial.monomial([0, 1], coefficient: 2))
        #expect(throws: PolynomialError.coefficientOverflow) {
            try Polynomial.monomial([0], coefficient: .max).adding(.monomial([0]))
        }
    }

    /// Gradients against central differences: error `O(h²·|∂³p|) + O(ε|p|/h)`; with `h = 1e−5`
    /// and values of order 10 both terms are below 1e−7, so 1e−6 relative is a safe bound.
    @Test func jacobiansMatchFiniteDifferences() throws {
        var random = Xoshiro256StarStar(seed: 7)
        let model = try FactorizedModel(ArchitectureSpec(parsing: "lin:2-3-2-2"), random: &random)
        let point = random.gaussianVector(model.dimension)
        let h = 1e-5
        for field in model.generators.prefix(3) {
            let evaluation = FieldEvaluation(field, at: point, in: RealArithmetic())
            var dense = [[Double]](repeating: [Double](repeating: 0, count: model.dimension), count: model.dimension)
            for (row, column, entry) in evaluation.jacobian { dense[row][column] = entry }
            for j in 0..<model.dimension {
                var plus = point
                var minus = point
                plus[j] += h
                minus[j] -= h
                let difference = zip(field.value(at: plus), field.value(at: minus)).map { ($0 - $1) / (2 * h) }
                for k in 0..<model.dimension {
                    #expect(abs(difference[k] - dense[k][j]) <= 1e-6 * (1 + abs(dense[k][j])))
                }
            }
        }
    }

    /// The formed bracket `[Z, X]` evaluated at θ against forward-mode dual numbers,
    /// `JVP(X; θ, Z(θ)) − JVP(Z; θ, X(θ))`; both are sums of a few hundred products of O(1)
    /// numbers, so they agree to about 1e−13 relative (bound 1e−11).
    @Test func bracketValuesMatchDualNumbers() throws {
        var random = Xoshiro256StarStar(seed: 11)
        let model = try FactorizedModel(ArchitectureSpec(parsing: "lin:2-4-3-2"), random: &random)
        let point = random.gaussianVector(model.dimension)
        let z = model.generators[0]
        let x = model.generators[3]
        let bracket = try z.bracket(with: x)
        let second = try z.bracket(with: bracket)
        for (outer, inner) in [(z, x), (z, bracket)] {
            let formed = try outer.bracket(with: inner).value(at: point)
            let jvpInner = inner.jacobianVectorProduct(at: point, direction: outer.value(at: point))
            let jvpOuter = outer.jacobianVectorProduct(at: point, direction: inner.value(at: point))
            let scale = formed.map(abs).max() ?? 1
            for k in 0..<model.dimension {
                #expect(abs(formed[k] - (jvpInner[k] - jvpOuter[k])) <= 1e-11 * (1 + scale))
            }
        }
        #expect(second.degree == 4)
        // Antisymmetry, exactly: [X, Z] = −[Z, X].
        #expect(try x.bracket(with: z) == bracket.componentsScaled(by: -1))
    }

    /// The lazy value `J_X·Z − J_Z·X` mod p equals the formed bracket evaluated mod p, exactly.
    @Test func lazyBracketEqualsFormedBracketModP() throws {
        var random = Xoshiro256StarStar(seed: 5)
        let model = try FactorizedModel(ArchitectureSpec(parsing: "relu:2-3-2:b"), random: &random)
        let point = (0..<model.dimension).map { _ in 1 + random.nextBounded(ModularArithmetic.prime - 1) }
        for (zIndex, xIndex) in [(0, 1), (2, 7), (4, 9)] {
            let z = model.generators[zIndex]
            let x = model.generators[xIndex]
            let lazy = FieldEvaluation(x, at: point, in: modular).lazyBracket(
                after: FieldEvaluation(z, at: point, in: modular), in: modular)
            let formed = FieldEvaluation(try z.bracket(with: x), at: point, in: modular).value
            #expect(lazy == formed)
        }
    }

    /// Rank mod p against the float SVD rank on an integer matrix of known rank 3
    /// (row 4 = r1 + r2 + r3, row 5 = r1 − 2·r2).
    @Test func modularRankMatchesKnownRank() throws {
        let rows: [[Int64]] = [
            [1, 2, 0, -1, 3], [0, 1, 1, 4, -2], [2, 0, 5, 1, 1], [3, 3, 6, 4, 2], [1, 0, -2, -9, 7],
        ]
        let vectors = rows.map { $0.map(modular.element) }
        #expect(ModularRowBasis.rank(of: vectors, dimension: 5) == 3)
        let matrix = Matrix(rowMajor: rows.map { $0.map(Double.init) })
        let sigma = try SingularValueDecomposition(of: matrix, computeVectors: false).singularValues
        #expect(sigma.filter { $0 > 1e-10 * sigma[0] }.count == 3)
        var basis = ModularRowBasis(dimension: 5)
        let first = basis.insert(vectors[0])
        let multiple = basis.insert(vectors[0].map { modular.multiply($0, 12345) })
        #expect(first && !multiple)
        #expect(basis.rank == 1)
    }
}

extension PolynomialVectorField {
    func componentsScaled(by factor: Int64) throws -> PolynomialVectorField {
        PolynomialVectorField(
            dimension: dimension, components: try components.map { ($0.index, try $0.polynomial.scaled(by: factor)) })
    }
}

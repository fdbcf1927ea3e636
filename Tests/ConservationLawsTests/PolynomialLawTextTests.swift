import Testing

@testable import ConservationLaws

/// `poly_laws.csv`: the kernel in reduced row-echelon form and its text.
struct PolynomialLawTextTests {
    @Test("the reduced row-echelon form depends on the subspace only, not on its basis")
    func echelonIsUnique() {
        // span{e0 − e2, e1 + e2} given by two other bases.
        let first = [[1.0, 1, 0], [1.0, -1, -2]]
        let second = [[0.6, 0.8, 0.2], [-2.0, 3, 5]]
        let expected = [[1.0, 0, -1], [0.0, 1, 1]]
        #expect(PolynomialLawText.reducedRowEchelon(first) == expected)
        #expect(PolynomialLawText.reducedRowEchelon(second) == expected)
        #expect(PolynomialLawText.reducedRowEchelon([[0.0, 0, 0]]).isEmpty)
    }

    @Test("the balancedness law of lin:1-1-1 prints with the layout's names")
    func text() throws {
        let architecture = try ArchitectureSpec(parsing: "lin:1-1-1")
        let names = PolynomialLawText.names(architecture, dimension: 2)
        #expect(names == ["U1[0,0]", "U2[0,0]"])
        let basis = try HomogeneousMonomialBasis(dimension: 2, degree: 2)
        // Basis order: x0², x0·x1, x1².
        #expect(PolynomialLawText.text([1, 0, -1], basis: basis, names: names) == "U1[0,0]^2 - U2[0,0]^2")
        #expect(
            PolynomialLawText.text([-0.5, 2, 0], basis: basis, names: names) == "-0.5·U1[0,0]^2 + 2·U1[0,0]·U2[0,0]")
        let relu = try ArchitectureSpec(parsing: "relu:1-2-1:b")
        #expect(PolynomialLawText.names(relu, dimension: 6).suffix(2) == ["b1[0]", "b1[1]"])
    }
}

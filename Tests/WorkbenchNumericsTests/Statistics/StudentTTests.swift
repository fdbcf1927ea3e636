import Testing
import WorkbenchNumerics

@Suite("Student-t 97.5 % quantiles")
struct StudentTTests {
    @Test(
        "table values against scipy.stats.t.ppf(0.975, ν)",
        arguments: [
            (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078),
            (5, 2.5705818356363146), (10, 2.228138851986274), (20, 2.085963447265864),
            (30, 2.0422724563012378),
        ])
    func tableValues(nu: Int, expected: Double) {
        // The table is the exact inverse CDF rounded to binary64: within 2 ulps of scipy.
        #expect(abs(StudentT.quantile975(degreesOfFreedom: nu) - expected) <= 2 * expected.ulp)
    }

    @Test(
        "the expansion for ν > 30 against scipy.stats.t.ppf(0.975, ν)",
        arguments: [
            (31, 2.039513446396408), (35, 2.030107928250343), (40, 2.021075390306273),
            (60, 2.0002978220142604), (100, 1.9839715185235518), (1000, 1.9623390808264083),
        ])
    func expansionValues(nu: Int, expected: Double) {
        // The expansion through ν⁻⁵ is documented to be within 1e-9 (worst case ≈ 7e-10 at ν = 31).
        #expect(abs(StudentT.quantile975(degreesOfFreedom: nu) - expected) <= 1e-9)
    }

    @Test("the quantile decreases in ν towards z = 1.959963984540054, also across the table edge")
    func monotoneAndLimit() {
        let values = (1...400).map { StudentT.quantile975(degreesOfFreedom: $0) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
        let z = 1.959963984540054
        #expect(values.allSatisfy { $0 > z })
        // At ν = 10⁶ the first-order term (z³ + z)/(4ν) ≈ 2.4e-6 dominates; the next one is
        // g₂/ν² ≈ 2e-12, so the first-order value must hold to 1e-11.
        let nu = 1e6
        let firstOrder = z + (z * z * z + z) / (4 * nu)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: Int(nu)) - firstOrder) <= 1e-11)
    }

    @Test("ν < 1 has no quantile")
    func invalid() {
        #expect(StudentT.quantile975(degreesOfFreedom: 0).isNaN)
        #expect(StudentT.quantile975(degreesOfFreedom: -3).isNaN)
    }
}

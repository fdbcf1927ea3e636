import Foundation
import Testing
import WorkbenchNumerics
@testable import TokenSampleComplexity

/// Spec worked examples T1/T2 and checks U1, U2, U4 for the Gaussian oracles O1–O3.
@Suite("Gaussian oracles")
struct GaussianOracleTests {
    /// T1: d = 3, A = KᵀQ, τ = 1.
    static func workedExample() throws -> GaussianTokenModel {
        let q = Matrix(rowMajor: [[0.8, 0.1, 0], [0, 0.6, 0.2], [0.1, 0, 0.5]])
        let k = Matrix(rowMajor: [[1, 0, 0.2], [0, 1, 0], [0.3, 0, 1]])
        return try GaussianTokenModel(
            mean: [0.5, -0.2, 0.1],
            covariance: Matrix(rowMajor: [[1, 0.3, 0], [0.3, 0.5, 0.1], [0, 0.1, 0.25]]),
            bilinearForm: Matrix.product(k, q, transposeA: .transpose),
            valueMap: Matrix(rowMajor: [[1, 0, 0], [0, 2, 0], [1, 0, 1]]))
    }

    static let query = [1.0, -1.0, 0.5]

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    @Test func workedExampleT1ClosedForms() throws {
        let model = try Self.workedExample()
        // The spec prints these values exactly (finite decimals of the inputs): 1e-12 leaves
        // room for BLAS rounding only.
        #expect(
            Self.maxDifference(
                model.bilinearForm.storage,
                Matrix(rowMajor: [[0.83, 0.1, 0.15], [0, 0.6, 0.2], [0.26, 0.02, 0.5]]).storage) < 1e-12)
        #expect(Self.maxDifference(model.meanFieldMap(Self.query), [1.155, -0.319, 1.3275]) < 1e-12)
        #expect(abs(model.tiltSquared(Self.query) - 0.54255) < 1e-12)
        #expect(abs(model.logPartition(Self.query) - 0.822775) < 1e-12)
        #expect(Self.maxDifference(model.pushforwardMean, [0.88, -0.2188, 1.014]) < 1e-12)
        let expectedCovariance = Matrix(rowMajor: [
            [0.890325, 0.806335, 0.988058], [0.806335, 0.831885, 0.913639], [0.988058, 0.913639, 1.101804],
        ])
        // The spec rounds these to 6 decimals: agreement to 5e-7 is all that can be asked.
        #expect(Self.maxDifference(model.pushforwardCovariance.storage, expectedCovariance.storage) < 5e-7)
        // c(x), the RMSE and the horizons are printed to 6–7 digits: 1e-6 is their rounding.
        #expect(abs(exp(model.logAsymptoticErrorConstant(Self.query)) - 8.971553) < 1e-6)
        #expect(abs((exp(model.logAsymptoticErrorConstant(Self.query)) / 1000).squareRoot() - 0.094718) < 1e-6)
        #expect(abs(try model.horizon() - 0.982979) < 1e-6)
        #expect(abs(try model.topTiltDirection().sigma - 0.946466) < 1e-6)
    }

    @Test func workedExampleT2() throws {
        let oneD = try GaussianTokenModel(
            mean: [0], covariance: Matrix.identity(1), bilinearForm: Matrix.identity(1), valueMap: Matrix.identity(1))
        // Exact values (Γ = 1, c = 2e): only rounding.
        #expect(abs(oneD.meanFieldMap([1])[0] - 1) < 1e-15)
        #expect(abs(exp(oneD.logAsymptoticErrorConstant([1])) - 2 * M_E) < 1e-12)
        let twoD = try GaussianTokenModel(
            mean: [0, 0], covariance: Matrix.diagonal([1, 0.25]), bilinearForm: Matrix.identity(2),
            valueMap: Matrix.identity(2))
        #expect(Self.maxDifference(twoD.meanFieldMap([1, 1]), [1, 0.25]) < 1e-15)
        // c = e^{1.25}(1.25 + 1.0625), printed to 5 significant digits.
        #expect(abs(exp(twoD.logAsymptoticErrorConstant([1, 1])) - 8.0714) < 5e-5)
    }

    @Test func monteCarloErrorMatchesAsymptoticConstantU2() throws {
        // U2: n = 1000 tokens, 2000 repetitions at the T1 point; RMSE within 10 % of 0.094718.
        let model = try Self.workedExample()
        let exact = model.meanFieldMap(Self.query)
        let queries = Matrix(rowMajor: [Self.query])
        var squared = 0.0
        var workspace = AttentionWorkspace()
        for rep in 0..<2000 {
            var generator = RandomStream.generator(seed: 11, "u2", .of(rep))
            let tokens = model.sample(1000, using: &generator)
            let output = try SoftmaxAttention().attend(
                queries: queries, tokens: tokens, bilinearForm: model.bilinearForm, valueMap: model.valueMap,
                workspace: &workspace)
            for c in 0..<3 { squared += (output[0, c] - exact[c]) * (output[0, c] - exact[c]) }
        }
        let rmse = (squared / 2000).squareRoot()
        #expect(abs(rmse / 0.094718 - 1) < 0.10)
    }

    @Test func pushforwardMomentsMatchMonteCarloU4() throws {
        // U4: Γ(X) for 2e5 tokens X ~ μ; sample moments within 3 % (relative, max-entry scale)
        // of O3. The MC standard error is about 0.3 % of the entries here.
        let model = try Self.workedExample()
        var generator = RandomStream.generator(seed: 12, "u4")
        let tokens = model.sample(200_000, using: &generator)
        var outputs = Matrix(rows: tokens.rows, columns: 3)
        for j in 0..<tokens.rows {
            let value = model.meanFieldMap(tokens.row(j))
            for c in 0..<3 { outputs[j, c] = value[c] }
        }
        let moments = EmpiricalMoments(outputs)
        let exactMean = model.pushforwardMean
        let exactCovariance = model.pushforwardCovariance
        let meanScale = exactMean.map(abs).max() ?? 1
        #expect(Self.maxDifference(moments.mean, exactMean) / meanScale < 0.03)
        #expect(
            Self.maxDifference(moments.covariance.storage, exactCovariance.storage) / exactCovariance.maxAbsEntry < 0.03
        )
    }

    @Test func sampledTokensHaveTheRequestedLaw() throws {
        let model = try Self.workedExample()
        var generator = RandomStream.generator(seed: 13, "law")
        let moments = EmpiricalMoments(model.sample(100_000, using: &generator))
        // 1e5 samples: SE ≈ 0.003 for the mean and covariance entries; 0.02 is > 6 SE.
        #expect(Self.maxDifference(moments.mean, model.mean) < 0.02)
        #expect(Self.maxDifference(moments.covariance.storage, model.covariance.storage) < 0.02)
    }
}

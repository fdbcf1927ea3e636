import WorkbenchNumerics

/// A regression data set: inputs `X ∈ ℝ^{m×N}` and targets `Y ∈ ℝ^{n×N}`, entries i.i.d. N(0, 1).
struct RegressionData: Sendable {
    let inputs: Matrix
    let targets: Matrix

    var sampleCount: Int { inputs.columns }

    init(outputs: Int, inputs inputWidth: Int, samples: Int, random: inout Xoshiro256StarStar) {
        inputs = Matrix.gaussian(rows: inputWidth, columns: samples, using: &random)
        targets = Matrix.gaussian(rows: outputs, columns: samples, using: &random)
    }
}

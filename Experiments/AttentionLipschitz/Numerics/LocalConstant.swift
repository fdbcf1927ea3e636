import WorkbenchNumerics

/// The local Lipschitz constant `‖Df(X)‖₂` of an attention map at one input, estimated
/// matrix-free by ``GolubKahanLanczos`` from a seeded Gaussian start.
enum LocalConstant {
    /// Lanczos with the cap `maximumSteps` and relative tolerance 1e−8 on the Ritz value.
    static func estimate(
        _ map: some LinearOperator, generator: inout Xoshiro256StarStar, maximumSteps: Int
    ) throws -> SpectralNormEstimate {
        let start = generator.gaussianVector(map.columnCount)
        return try GolubKahanLanczos.largestSingularValue(of: map, start: start, maximumSteps: maximumSteps)
    }

    /// Token norms `‖x_i‖` of a `d × n` input.
    static func tokenNorms(_ tokens: Matrix) -> [Double] {
        (0..<tokens.columns).map { BLAS.norm2(tokens.column($0)) }
    }

    /// `R_rms = √(mean_i ‖x_i‖²)` and `R_max = max_i ‖x_i‖`.
    static func radii(_ tokens: Matrix) -> (rms: Double, max: Double) {
        let norms = tokenNorms(tokens)
        let meanSquare = norms.reduce(0) { $0 + $1 * $1 } / Double(max(norms.count, 1))
        return (meanSquare.squareRoot(), norms.max() ?? 0)
    }
}

/// Random heads with i.i.d. Gaussian projections.
enum RandomHeads {
    /// A synthetic head with dense `A` and `V` of i.i.d. `N(0, σ²)` entries (`d × d`).
    static func dense(dimension d: Int, standardDeviation: Double, generator: inout Xoshiro256StarStar)
        -> AttentionHead
    {
        let a = Matrix.gaussian(rows: d, columns: d, standardDeviation: standardDeviation, using: &generator)
        let v = Matrix.gaussian(rows: d, columns: d, standardDeviation: standardDeviation, using: &generator)
        return AttentionHead(bilinear: a, value: v)
    }

    /// A BERT-like head: `W_q, W_k, W_v` of `N(0, σ²)` entries, `k = d_v = width`, scale `1/√k`.
    static func transformer(
        dimension d: Int, width: Int, standardDeviation: Double, generator: inout Xoshiro256StarStar
    ) -> AttentionHead {
        let q = Matrix.gaussian(rows: width, columns: d, standardDeviation: standardDeviation, using: &generator)
        let k = Matrix.gaussian(rows: width, columns: d, standardDeviation: standardDeviation, using: &generator)
        let v = Matrix.gaussian(rows: width, columns: d, standardDeviation: standardDeviation, using: &generator)
        return AttentionHead(query: q, key: k, value: v, scale: 1 / Double(width).squareRoot(), causal: false)
    }
}

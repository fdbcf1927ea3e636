import WorkbenchNumerics

/// One pair of evaluation points: `θ_p` uniform in `[1, p−1]^D` for the exact rank and
/// `θ_f ~ N(0, I_D)` for the float cross-check.
struct EvaluationPoints: Sendable {
    let modular: [UInt64]
    let real: [Double]

    init(dimension: Int, random: inout Xoshiro256StarStar) {
        let p = ModularArithmetic.prime
        modular = (0..<dimension).map { _ in 1 + random.nextBounded(p - 1) }
        real = random.gaussianVector(dimension)
    }
}

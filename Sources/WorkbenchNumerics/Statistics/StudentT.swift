/// Quantiles of Student's t distribution, as needed for 95 % confidence intervals.
public enum StudentT {
    /// `t_{0.975, ν}` for ν = 1…30 (from the exact inverse CDF, 16 significant digits).
    static let quantile975Table: [Double] = [
        12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934,
        2.5705818356363146, 2.4469118511449786, 2.364624251592784, 2.306004135204166,
        2.262157162798205, 2.228138851986274, 2.200985160091639, 2.1788128296672284,
        2.1603686564627913, 2.144786687917804, 2.131449545559776, 2.1199052992212546,
        2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
        2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245,
        2.0595385527532972, 2.0555294386428735, 2.0518305164802846, 2.0484071417952454,
        2.045229642132703, 2.0422724563012378,
    ]

    /// The two-sided 95 % critical value `t_{0.975, ν}`.
    ///
    /// Exact table for ν ≤ 30. Above, the Cornish–Fisher expansion in `1/ν` around the normal
    /// quantile `z = Φ⁻¹(0.975) = 1.959963984540054` (Abramowitz & Stegun 26.7.5), through the
    /// `ν⁻⁵` term: `t = z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴ + g₅(z)/ν⁵` with
    /// - `g₁ = (z³ + z)/4`
    /// - `g₂ = (5z⁵ + 16z³ + 3z)/96`
    /// - `g₃ = (3z⁷ + 19z⁵ + 17z³ − 15z)/384`
    /// - `g₄ = (79z⁹ + 776z⁷ + 1482z⁵ − 1920z³ − 945z)/92160`
    /// - `g₅ = (27z¹¹ + 339z⁹ + 930z⁷ − 1782z⁵ − 765z³ + 17955z)/368640`.
    ///
    /// The truncation error is largest at ν = 31, where it is about 7·10⁻¹⁰, and falls like ν⁻⁶.
    /// Returns `nan` for ν < 1.
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        guard nu >= 1 else { return .nan }
        if nu <= quantile975Table.count { return quantile975Table[nu - 1] }
        let z = 1.959963984540054
        let z2 = z * z
        let z3 = z2 * z
        let z5 = z3 * z2
        let z7 = z5 * z2
        let z9 = z7 * z2
        let z11 = z9 * z2
        let g1 = (z3 + z) / 4
        let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
        let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
        let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
        let g5 = (27 * z11 + 339 * z9 + 930 * z7 - 1782 * z5 - 765 * z3 + 17955 * z) / 368640
        let h = 1 / Double(nu)
        // Horner form of z + h·(g₁ + h·(g₂ + h·(g₃ + h·(g₄ + h·g₅)))).
        return z + h * (g1 + h * (g2 + h * (g3 + h * (g4 + h * g5))))
    }
}

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
    /// Exact table for ν ≤ 30; above, the Cornish–Fisher expansion in `1/ν` around the normal
    /// quantile `z = 1.959963984540054` (error below 1e-6 for ν > 30). Returns `nan` for ν < 1.
    public static func quantile975(degreesOfFreedom nu: Int) -> Double {
        guard nu >= 1 else { return .nan }
        if nu <= quantile975Table.count { return quantile975Table[nu - 1] }
        let z = 1.959963984540054
        let v = Double(nu)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    }
}

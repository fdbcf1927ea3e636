/// A quick correctness check of the BLAS/LAPACK kernels loaded in this process: products in all
/// four transpositions, a matrix–vector product, a Cholesky factorisation and an LU solve,
/// against references computed here by plain loops.
///
/// Operands have small integer entries, so every product and the Cholesky factor of `L·Lᵀ` (unit
/// diagonal) are exact in double precision whatever the summation order: any difference is a
/// wrong kernel, not rounding. Shapes (odd sizes from 1 to 131) cover the kernels' edge tiles and
/// LAPACK's blocked paths. The LU solve of a diagonally dominant system is checked by its relative
/// residual (≤ 1e−12; its exact solution is not an integer vector).
public enum BLASCorrectnessProbe {
    /// Descriptions of the checks that failed (empty: every check passed).
    public static func run() -> [String] {
        var failures: [String] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        /// Integers in `−4…4` from a fixed linear congruential sequence.
        func matrix(_ rows: Int, _ columns: Int) -> Matrix {
            Matrix(rows: rows, columns: columns) { _, _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(Int(state >> 33) % 9 - 4)
            }
        }
        for (m, k, n) in [(1, 1, 1), (37, 23, 41), (129, 67, 131), (8, 200, 5)] {
            for (ta, tb) in [
                (BLAS.Transpose.none, BLAS.Transpose.none), (.none, .transpose), (.transpose, .none),
                (.transpose, .transpose),
            ] {
                let a = ta == .none ? matrix(m, k) : matrix(k, m)
                let b = tb == .none ? matrix(k, n) : matrix(n, k)
                let product = Matrix.product(a, b, transposeA: ta, transposeB: tb)
                let reference = Matrix(rows: m, columns: n) { i, j in
                    (0..<k).reduce(0.0) { sum, l in
                        sum + (ta == .none ? a[i, l] : a[l, i]) * (tb == .none ? b[l, j] : b[j, l])
                    }
                }
                if product != reference { failures.append("dgemm \(m)×\(k)×\(n) \(ta)/\(tb)") }
            }
        }
        let a = matrix(67, 45)
        let x = (0..<45).map { Double($0 % 7 - 3) }
        let y = a.applied(to: x)
        if y != (0..<67).map({ i in (0..<45).reduce(0.0) { $0 + a[i, $1] * x[$1] } }) {
            failures.append("dgemv 67×45")
        }
        let n = 97
        let lower = Matrix(rows: n, columns: n) { i, j in i == j ? 1 : (i > j ? Double((i * 7 + j * 3) % 5 - 2) : 0) }
        let spd = Matrix.product(lower, lower, transposeB: .transpose)
        do {
            if try spd.choleskyFactor() != lower { failures.append("dpotrf \(n)×\(n)") }
        } catch { failures.append("dpotrf \(n)×\(n): \(error)") }
        var system = matrix(n, n)
        for i in 0..<n { system[i, i] = 4 * Double(n) }
        let rhs = (0..<n).map { Double($0 % 11) - 5 }
        do {
            let solution = try system.solve(rhs)
            let residual = zip(system.applied(to: solution), rhs).map { $0 - $1 }
            let scale = rhs.map(abs).max() ?? 1
            if (residual.map(abs).max() ?? 0) > 1e-12 * scale { failures.append("dgesv \(n)×\(n) residual") }
        } catch { failures.append("dgesv \(n)×\(n): \(error)") }
        return failures
    }
}

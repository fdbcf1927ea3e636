/// The matrix Lie algebra generated under the commutator `[A, B] = AB − BA` by the symmetric
/// off-block-diagonal matrices `A_ij = E_{i, n+j} + E_{n+j, i}` (`i < n`, `j < m`) of size
/// `c = n + m`: for the 2-layer linear net, `∇φ_ij(θ) = (A_ij ⊗ I_r)θ`, and the algebra is
/// `so(n, m)`, of dimension `c(c−1)/2`.
enum MatrixLieAlgebra {
    /// The dimension of the generated algebra, as the rank mod p of the closure
    /// `L_{k+1} = L_k + [L_0, L_k]` (integer matrices, so the rank is the rational one unless p
    /// divides a minor).
    static func dimension(outputs n: Int, inputs m: Int) -> Int {
        let c = n + m
        let modular = ModularArithmetic()
        var generators = [[Int64]]()
        for i in 0..<n {
            for j in 0..<m {
                var matrix = [Int64](repeating: 0, count: c * c)
                matrix[i * c + n + j] = 1
                matrix[(n + j) * c + i] = 1
                generators.append(matrix)
            }
        }
        var basis = ModularRowBasis(dimension: c * c)
        var newest = [[Int64]]()
        for generator in generators where basis.insert(generator.map(modular.element)) { newest.append(generator) }
        while !newest.isEmpty {
            var added = [[Int64]]()
            for a in generators {
                for b in newest {
                    let commutator = zip(product(a, b, c), product(b, a, c)).map { $0 - $1 }
                    if basis.insert(commutator.map(modular.element)) { added.append(commutator) }
                }
            }
            newest = added
        }
        return basis.rank
    }

    private static func product(_ a: [Int64], _ b: [Int64], _ c: Int) -> [Int64] {
        var result = [Int64](repeating: 0, count: c * c)
        for i in 0..<c {
            for k in 0..<c where a[i * c + k] != 0 {
                for j in 0..<c { result[i * c + j] += a[i * c + k] * b[k * c + j] }
            }
        }
        return result
    }
}

extension ModularRowBasis {
    /// A basis of the kernel `{a : row·a = 0 for every row}`: for each free (non-pivot) column
    /// `f`, `e_f − Σ_i row_i[f]·e_{pivot_i}` (rows are fully reduced, so this is exact).
    func kernelBasis() -> [[UInt64]] {
        let arithmetic = ModularArithmetic()
        let pivotSet = Set(pivots)
        return (0..<dimension).filter { !pivotSet.contains($0) }.map { free in
            var vector = [UInt64](repeating: 0, count: dimension)
            vector[free] = 1
            for (row, pivot) in zip(rows, pivots) { vector[pivot] = arithmetic.negate(row[free]) }
            return vector
        }
    }

    /// Whether some row has a nonzero dot product with `vector` (i.e. `vector` is not in the kernel).
    func anyRowPairsNonzero(with vector: [UInt64]) -> Bool {
        let arithmetic = ModularArithmetic()
        return rows.contains { row in
            zip(row, vector).reduce(UInt64(0)) {
                $1.0 == 0 || $1.1 == 0 ? $0 : arithmetic.add($0, arithmetic.multiply($1.0, $1.1))
            } != 0
        }
    }
}

import Foundation
import WorkbenchNumerics

/// The textbook double loop: `O_i = Σ_j e^{s_ij − max_j s_ij} w_j / Σ_j e^{s_ij − max_j s_ij}`
/// with `s_ij = ⟨x_i, k_j⟩`, using glibc `exp`. Tokens are rows.
enum NaiveAttention {
    static func attend(queries: Matrix, keys: Matrix, values: Matrix) -> Matrix {
        var output = Matrix(rows: queries.rows, columns: values.columns)
        for i in 0..<queries.rows {
            var scores = [Double](repeating: 0, count: keys.rows)
            for j in 0..<keys.rows {
                var s = 0.0
                for k in 0..<keys.columns { s += queries[i, k] * keys[j, k] }
                scores[j] = s
            }
            let top = scores.max() ?? 0
            let weights = scores.map { Foundation.exp($0 - top) }
            let total = weights.reduce(0, +)
            for c in 0..<values.columns {
                var acc = 0.0
                for j in 0..<keys.rows { acc += weights[j] * values[j, c] }
                output[i, c] = acc / total
            }
        }
        return output
    }

    /// Hardmax: the value of the first key with the largest score.
    static func hardmax(queries: Matrix, keys: Matrix, values: Matrix) -> Matrix {
        var output = Matrix(rows: queries.rows, columns: values.columns)
        for i in 0..<queries.rows {
            var best = -Double.infinity
            var bestIndex = 0
            for j in 0..<keys.rows {
                var s = 0.0
                for k in 0..<keys.columns { s += queries[i, k] * keys[j, k] }
                if s > best {
                    best = s
                    bestIndex = j
                }
            }
            for c in 0..<values.columns { output[i, c] = values[bestIndex, c] }
        }
        return output
    }

    static func maxAbsDifference(_ a: Matrix, _ b: Matrix) -> Double {
        zip(a.storage, b.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}

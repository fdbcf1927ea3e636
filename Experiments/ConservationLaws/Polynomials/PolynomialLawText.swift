import Foundation

/// The found polynomial laws as text: the float kernel in reduced row-echelon form, coefficients
/// rounded to 1e−9 (spec §5.2, `poly_laws.csv`), written with the parameter names of the
/// architecture (`U1[0,1]` for `U_1[0, 1]`, `b1[2]` for a hidden bias, `x3` otherwise).
enum PolynomialLawText {
    /// Coefficients below this (after normalisation) are zero; kept ones are rounded to it.
    static let resolution = 1e-9
    /// `1/resolution`, exact in binary: rounding is `(c·10⁹).rounded()/10⁹`, so ±1 stays ±1.
    private static let scale = 1e9

    /// Gauss–Jordan elimination with partial pivoting of `rows` (a basis of the kernel as
    /// coefficient vectors), then entries rounded to multiples of ``resolution``. The reduced
    /// row-echelon form of a subspace is unique, so it does not depend on which basis the SVD
    /// returned.
    static func reducedRowEchelon(_ rows: [[Double]]) -> [[Double]] {
        var matrix = rows
        guard let columns = matrix.first?.count else { return [] }
        var pivotRow = 0
        for column in 0..<columns where pivotRow < matrix.count {
            let candidates = pivotRow..<matrix.count
            guard let best = candidates.max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                abs(matrix[best][column]) > resolution
            else { continue }
            matrix.swapAt(pivotRow, best)
            let pivot = matrix[pivotRow][column]
            matrix[pivotRow] = matrix[pivotRow].map { $0 / pivot }
            for row in matrix.indices where row != pivotRow {
                let factor = matrix[row][column]
                if factor == 0 { continue }
                for c in 0..<columns { matrix[row][c] -= factor * matrix[pivotRow][c] }
            }
            pivotRow += 1
        }
        return matrix.prefix(pivotRow).map { row in
            row.map { value in
                let rounded = (value * scale).rounded() / scale
                return rounded == 0 ? 0 : rounded
            }
        }
    }

    /// `Σ_α a_α m_α` as text, e.g. `U1[0,0]^2 - U2[0,0]^2 + 0.5·U1[0,1]·U1[1,1]`.
    static func text(_ coefficients: [Double], basis: HomogeneousMonomialBasis, names: [String]) -> String {
        var terms = [String]()
        for (coefficient, monomial) in zip(coefficients, basis.monomials) where coefficient != 0 {
            var counts = [(variable: Int, power: Int)]()
            for variable in monomial.variables {
                if let last = counts.last, last.variable == variable {
                    counts[counts.count - 1].power += 1
                } else {
                    counts.append((variable, 1))
                }
            }
            let factors = counts.map { names[$0.variable] + ($0.power > 1 ? "^\($0.power)" : "") }
                .joined(separator: "·")
            let magnitude = abs(coefficient)
            let scale = magnitude == 1 ? "" : String(format: "%.9g", magnitude) + "·"
            let sign = coefficient < 0 ? "-" : "+"
            terms.append((terms.isEmpty ? (sign == "-" ? "-" : "") : " \(sign) ") + scale + factors)
        }
        return terms.isEmpty ? "0" : terms.joined()
    }

    /// The name of every parameter of `architecture`, in the layout's order.
    static func names(_ architecture: ArchitectureSpec, dimension: Int) -> [String] {
        let widths: [Int]
        let bias: Bool
        switch architecture {
        case .linear(let w): (widths, bias) = (w, false)
        case .relu(let w, let b): (widths, bias) = (w, b)
        case .product, .randomPolynomial: return (0..<dimension).map { "x\($0)" }
        }
        var names = [String]()
        for layer in 1..<widths.count {
            for row in 0..<widths[layer - 1] {
                for column in 0..<widths[layer] { names.append("U\(layer)[\(row),\(column)]") }
            }
        }
        if bias {
            for layer in 1..<(widths.count - 1) {
                for unit in 0..<widths[layer] { names.append("b\(layer)[\(unit)]") }
            }
        }
        return names
    }
}

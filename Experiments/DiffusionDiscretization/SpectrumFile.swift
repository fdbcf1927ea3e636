import Foundation
import WorkbenchNumerics

/// Readers for user-supplied spectra: plain text, `#` comments, numbers separated by spaces,
/// tabs or commas.
enum SpectrumFile {
    /// One eigenvalue per non-empty line; at least one finite value.
    static func eigenvalues(path: String) throws(DiffusionDiscretizationError) -> [Double] {
        let rows = try numericRows(path: path)
        guard rows.allSatisfy({ $0.count == 1 }) else {
            throw .unreadableSpectrumFile(path: path, reason: "expected one eigenvalue per line")
        }
        let values = rows.map { $0[0] }
        guard !values.isEmpty else {
            throw .unreadableSpectrumFile(path: path, reason: "no eigenvalues")
        }
        guard values.contains(where: { $0 > 0 }) else {
            throw .unreadableSpectrumFile(path: path, reason: "no positive eigenvalue")
        }
        return values
    }

    /// A square symmetric matrix, one row per non-empty line; symmetrised as `(A + Aᵀ)/2`
    /// after checking `|a_ij − a_ji| ≤ 1e-8·max|a|`.
    static func covariance(path: String) throws(DiffusionDiscretizationError) -> Matrix {
        let rows = try numericRows(path: path)
        let n = rows.count
        guard n > 0, rows.allSatisfy({ $0.count == n }) else {
            throw .unreadableSpectrumFile(path: path, reason: "expected a square matrix, one row per line")
        }
        var matrix = Matrix(rowMajor: rows)
        let tolerance = 1e-8 * max(matrix.maxAbsEntry, 1e-300)
        for i in 0..<n {
            for j in 0..<i where abs(matrix[i, j] - matrix[j, i]) > tolerance {
                throw .unreadableSpectrumFile(
                    path: path, reason: "matrix is not symmetric at (\(i + 1), \(j + 1))")
            }
        }
        matrix.symmetrize()
        return matrix
    }

    /// The numeric rows of the file.
    static func numericRows(path: String) throws(DiffusionDiscretizationError) -> [[Double]] {
        guard FileManager.default.isReadableFile(atPath: path),
            let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw .unreadableSpectrumFile(path: path, reason: "cannot read the file")
        }
        var rows = [[Double]]()
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                .first ?? ""
            let fields = line.split { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" }
            if fields.isEmpty { continue }
            var row = [Double]()
            for field in fields {
                guard let value = Double(field), value.isFinite else {
                    throw .unreadableSpectrumFile(
                        path: path, reason: "line \(number + 1): '\(field)' is not a finite number")
                }
                row.append(value)
            }
            rows.append(row)
        }
        return rows
    }
}

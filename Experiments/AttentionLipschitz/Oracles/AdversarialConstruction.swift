import Foundation
import WorkbenchNumerics

/// The √n construction of spec C3 (the authors' `adversarial_data/toolbox.py`, described in the
/// paper): collinear tokens along a real eigenvector `u` of `A` so every query but the first
/// attends almost only to `x_1`, and `Df → (selection) ⊗ V` with norm `‖V‖√m`.
///
/// - Case 1 (`λ_max > −8 λ_min`): `x_1 = R u_max`, `x_2…n = R u_max/2`; score gap for queries
///   `2…n` is `γ = λ_max R²/4`; reference length `m = n`.
/// - Case 2: `x_1 = −R u_min`, `x_2…n = R u_min`; `γ = 2|λ_min| R²`; `m = n − 1` unmasked
///   (query 1 attends to itself), `m = n` masked (query 1 sees only itself, and all `n` queries
///   read `x_1`).
///
/// The 8 compares the two gaps. `.paper` uses the real eigenvalues of `A` (LAPACK `dgeev`;
/// `|Im λ| < 1e−10‖A‖`), `.symmetric` those of `(A + Aᵀ)/2` (`dsyevd`), which is equivalent
/// because only `⟨Au, u⟩` matters for collinear tokens.
public struct AdversarialConstruction: Sendable {
    public enum Rule: String, Sendable, CaseIterable {
        case paper
        case symmetric
    }

    /// Which branch of the 8× rule was taken.
    public enum Branch: Int, Sendable {
        case top = 1
        case bottom = 2
    }

    /// The unit direction `u` and the branch.
    public let direction: [Double]
    public let branch: Branch
    /// `λ_max` (case 1) or `λ_min` (case 2).
    public let eigenvalue: Double

    /// The construction for `A`, or `nil` when `A` has no real eigenvalue (`.paper` only).
    public init?(bilinearForm a: Matrix, rule: Rule) throws {
        let d = a.rows
        var candidates: [Double] = []
        switch rule {
        case .paper:
            let spectrum = try a.generalEigenvalues()
            let scale = max(try a.spectralNorm(), .leastNormalMagnitude)
            candidates = zip(spectrum.real, spectrum.imaginary).filter { abs($0.1) < 1e-10 * scale }.map(\.0)
        case .symmetric:
            var symmetric = Matrix(rows: d, columns: d) { (a[$0, $1] + a[$1, $0]) / 2 }
            symmetric.mirrorUpperTriangle()
            candidates = try SymmetricEigendecomposition(of: symmetric, computeVectors: false).values
        }
        guard let high = candidates.max(), let low = candidates.min() else { return nil }
        branch = high > -8 * low ? .top : .bottom
        eigenvalue = branch == .top ? high : low
        switch rule {
        case .paper:
            // The null vector of A − λI: the last right singular vector.
            var shifted = a
            for index in 0..<d { shifted[index, index] -= eigenvalue }
            let svd = try SingularValueDecomposition(of: shifted)
            direction = svd.vt?.row(d - 1) ?? []
        case .symmetric:
            let symmetric = Matrix(rows: d, columns: d) { (a[$0, $1] + a[$1, $0]) / 2 }
            let eigen = try SymmetricEigendecomposition(of: symmetric)
            direction = eigen.vectors?.column(branch == .top ? d - 1 : 0) ?? []
        }
    }

    /// The score gap `γ` at radius `R`.
    public func gap(radius: Double) -> Double {
        branch == .top ? eigenvalue * radius * radius / 4 : 2 * abs(eigenvalue) * radius * radius
    }

    /// The tokens (`d × n`).
    public func tokens(count n: Int, radius: Double) -> Matrix {
        let d = direction.count
        return Matrix(rows: d, columns: n) { r, i in
            switch branch {
            case .top: return radius * direction[r] * (i == 0 ? 1 : 0.5)
            case .bottom: return radius * direction[r] * (i == 0 ? -1 : 1)
            }
        }
    }

    /// The saturated limit's reference length `m` (`σ → ‖V‖√m`).
    public func referenceLength(count n: Int, causal: Bool) -> Int {
        branch == .top || causal ? n : n - 1
    }
}

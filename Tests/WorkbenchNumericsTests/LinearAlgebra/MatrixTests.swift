import Testing
import WorkbenchNumerics

@Suite("Matrix storage and elementwise operations")
struct MatrixTests {
    @Test("rowMajor literal is stored column-major: (i, j) at i + j·rows")
    func columnMajorLayout() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.storage == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 2] == 6)
        #expect(a[0, 1] == 2)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(2) == [3, 6])
        #expect(Matrix(rows: 2, columns: 3) { i, j in Double(1 + 3 * i + j) } == a)
        #expect(Matrix(rows: 2, columns: 3, columnMajor: [1, 4, 2, 5, 3, 6]) == a)
    }

    @Test("transpose, identity, diagonal, trace")
    func basicConstructions() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(a.transposed == Matrix(rowMajor: [[1, 4], [2, 5], [3, 6]]))
        #expect(a.transposed.transposed == a)
        #expect(Matrix.identity(3) == Matrix.diagonal([1, 1, 1]))
        #expect(Matrix.diagonal([2, -1, 7]).trace == 8)
        #expect(a.diagonalEntries == [1, 5])
        #expect(Matrix(rows: 0, columns: 0).trace == 0)
        #expect(Matrix(rows: 2, columns: 2, repeating: 3).storage == [3, 3, 3, 3])
    }

    @Test("+, −, scalar multiple, norms (exact small-integer arithmetic)")
    func arithmetic() {
        let a = Matrix(rowMajor: [[1, -2], [3, 4]])
        let b = Matrix(rowMajor: [[5, 6], [-7, 8]])
        #expect(a + b == Matrix(rowMajor: [[6, 4], [-4, 12]]))
        #expect(a - b == Matrix(rowMajor: [[-4, -8], [10, -4]]))
        #expect(2 * a == Matrix(rowMajor: [[2, -4], [6, 8]]))
        #expect(a.maxAbsEntry == 4)
        // ‖[[3, 4], [0, 0]]‖_F = 5 exactly; dnrm2 rescales, so allow a few ulps.
        #expect(abs(Matrix(rowMajor: [[3, 4], [0, 0]]).frobeniusNorm - 5) <= 4 * Double.ulpOfOne * 5)
    }

    @Test("symmetrize averages, mirrorUpperTriangle copies the upper triangle")
    func symmetrizeAndMirror() {
        var a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        var b = a
        a.symmetrize()
        #expect(a == Matrix(rowMajor: [[1, 3, 5], [3, 5, 7], [5, 7, 9]]))
        b.mirrorUpperTriangle()
        #expect(b == Matrix(rowMajor: [[1, 2, 3], [2, 5, 6], [3, 6, 9]]))
    }
}

import Foundation
import Testing
@testable import WorkbenchNumerics

/// Prints the time of the attention hot path against the time of the dgemm calls it contains
/// (same shapes, same blocking, softmax passes skipped). Meaningful in release builds only;
/// nothing about speed is asserted.
@Suite("Attention timing (prints)", .serialized)
struct AttentionTimingTests {
    static func time(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        return best
    }

    /// Timing shapes `(d, n)`: self-attention sizes of the quick (`d = 8`) and paper (`d = 50`)
    /// moments part. Debug builds run one small shape (their times mean nothing).
    #if DEBUG
        static let shapes = [(8, 512)]
    #else
        static let shapes = [(8, 4096), (50, 4096), (50, 8000)]
    #endif

    @Test(arguments: shapes)
    func hotPathAgainstMatrixProducts(shape: (Int, Int)) throws {
        let (d, n) = shape
        var generator = Xoshiro256StarStar(seed: 3)
        let tokens = Matrix.gaussian(rows: n, columns: d, using: &generator)
        let keys = Matrix.gaussian(rows: n, columns: d, standardDeviation: 0.3, using: &generator)
        let values = Matrix.gaussian(rows: n, columns: d, using: &generator)
        let kernel = SoftmaxAttention()
        var workspace = AttentionWorkspace()
        var output = Matrix(rows: n, columns: d)
        let full = try Self.time(3) {
            output = try kernel.attend(queries: tokens, keys: keys, values: values, workspace: &workspace)
        }
        var scratch = Matrix(rows: n, columns: d)
        let products = Self.time(3) {
            tokens.storage.withUnsafeBufferPointer { q in
                keys.storage.withUnsafeBufferPointer { k in
                    values.storage.withUnsafeBufferPointer { v in
                        scratch.storage.withUnsafeMutableBufferPointer { o in
                            guard let q = q.baseAddress, let k = k.baseAddress, let v = v.baseAddress,
                                let o = o.baseAddress
                            else { return }
                            kernel.matrixProductsOnly(
                                AttentionOperands(
                                    queries: q, queryCount: n, keys: k, keyCount: n, depth: d, values: v,
                                    valueDimension: d, output: o),
                                workspace: &workspace)
                        }
                    }
                }
            }
        }
        let entries = Double(n) * Double(n)
        print(
            "attention d=\(d) n=\(n): hot path \(String(format: "%.4f", full)) s, dgemm only \(String(format: "%.4f", products)) s, ratio \(String(format: "%.2f", full / products)), \(String(format: "%.2f", full / entries * 1e9)) ns/score"
        )
        #expect(output.storage.allSatisfy { $0.isFinite })
    }
}

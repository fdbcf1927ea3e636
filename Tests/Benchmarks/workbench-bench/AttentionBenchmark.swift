import Foundation
import WorkbenchNumerics

/// The attention kernel against the single-core dgemm rate, measured in the same process (one
/// BLAS thread; each figure the best of `repeats` calls after a warm-up, see
/// ``SequentialTimer``):
///
/// - dgemm peak: a square `2048³` product, `2·2048³` flops;
/// - ``SoftmaxAttention`` self-attention shapes `n × d` for `d = 8` (quick moments) and `d = 50`
///   (paper moments), counted as `4n²d` flops (the score product and the weighted sum), reported
///   as seconds, ns per score (`n²` scores) and percent of the dgemm peak;
/// - the same two products alone at the blocked algorithm's block sizes (what the softmax passes
///   add);
/// - both algorithms side by side at `d = d' = 4…50`;
/// - the exponential pass alone on 1024-entry blocks (ns per entry), next to glibc `exp`.
///
/// Prints a readable table, then one `figure <name> <value>` line per number for scripts.
func runAttentionBenchmark(n: Int, repeats: Int) {
    BLASConfiguration.setThreadCount(1)
    var figures: [(String, Double)] = []
    print("BLAS core \(BLASConfiguration.coreName), exponential pass \(VectorExponential.instructionSet)")

    let peakSize = 2048
    let mainDepths = [8, 50]
    let crossoverDepths = [4, 8, 12, 16, 32, 50]
    var timer = SequentialTimer()
    for d in Set(mainDepths + crossoverDepths).sorted() {
        let run = AttentionBenchmark(n: n, d: d)
        timer.add("fused \(d)", run.kernelCall(.fused))
        timer.add("blocked \(d)", run.kernelCall(.blockedProducts))
        timer.add("products \(d)", run.productsCall())
    }
    timer.add("dgemm", AttentionBenchmark.squareProduct(peakSize))
    let seconds = timer.run(repeats: repeats)
    func best(_ name: String) -> Double { seconds[name] ?? .nan }

    let peak = 2 * pow(Double(peakSize), 3) / best("dgemm")
    print(String(format: "dgemm %d³: %.4f s = %.2f GFLOP/s (peak reference)", peakSize, best("dgemm"), peak * 1e-9))
    figures.append(("dgemm_gflops", peak * 1e-9))

    let scores = Double(n) * Double(n)
    for d in mainDepths {
        let kernelSeconds = best("fused \(d)")
        let productSeconds = best("products \(d)")
        let flops = 4 * Double(n) * Double(n) * Double(d)
        let percent = 100 * flops / kernelSeconds / peak
        print(
            String(
                format:
                    "attention n=%d d=%d: %.4f s, %.2f ns/score, %.2f GFLOP/s = %.1f %% of dgemm peak; dgemm products of the blocked algorithm alone %.4f s (%.1f %% of peak)",
                n, d, kernelSeconds, kernelSeconds / scores * 1e9, flops / kernelSeconds * 1e-9, percent,
                productSeconds, 100 * flops / productSeconds / peak))
        figures += [
            ("attention_d\(d)_seconds", kernelSeconds), ("attention_d\(d)_ns_per_score", kernelSeconds / scores * 1e9),
            ("attention_d\(d)_percent_of_peak", percent),
            ("attention_d\(d)_products_percent_of_peak", 100 * flops / productSeconds / peak),
        ]
    }

    // Both algorithms over a range of depths (d' = d).
    for d in crossoverDepths {
        let fused = best("fused \(d)") / scores * 1e9
        let blocked = best("blocked \(d)") / scores * 1e9
        print(String(format: "d=%d: fused %.2f, blocked %.2f ns/score", d, fused, blocked))
        figures += [("fused_d\(d)_ns_per_score", fused), ("blocked_d\(d)_ns_per_score", blocked)]
    }

    let (passNanoseconds, libmNanoseconds) = AttentionBenchmark.exponentialNanoseconds(repeats: repeats)
    print(
        String(
            format: "exponential pass: %.3f ns/entry (%@); glibc exp loop %.3f ns/entry", passNanoseconds,
            VectorExponential.instructionSet, libmNanoseconds))
    figures += [("exp_pass_ns", passNanoseconds), ("exp_glibc_ns", libmNanoseconds)]
    for (name, value) in figures { print("figure \(name) \(String(format: "%.6g", value))") }
}

/// Operands and timers of one attention shape.
struct AttentionBenchmark {
    let n: Int
    let d: Int
    let queries: Matrix
    let keys: Matrix
    let values: Matrix
    /// The blocked algorithm's block sizes (for the products-alone timing).
    let kernel = SoftmaxAttention(algorithm: .blockedProducts)

    /// Queries and values `N(0, 1)`, keys `N(0, 0.09)`: scores of a few units, as in the moments part.
    init(n: Int, d: Int) {
        self.n = n
        self.d = d
        var generator = Xoshiro256StarStar(seed: 3)
        queries = Matrix.gaussian(rows: n, columns: d, using: &generator)
        keys = Matrix.gaussian(rows: n, columns: d, standardDeviation: 0.3, using: &generator)
        values = Matrix.gaussian(rows: n, columns: d, using: &generator)
    }

    /// Best wall time of `repeats` calls of `body` (after one warm-up call).
    static func best(_ repeats: Int, _ body: () -> Void) -> Double {
        body()
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        }
        return best
    }

    /// One call of the kernel with `algorithm` on this shape (its workspace kept across calls).
    func kernelCall(_ algorithm: SoftmaxAttention.Algorithm) -> () -> Void {
        let kernel = SoftmaxAttention(algorithm: algorithm)
        let workspace = WorkspaceBox()
        return { [queries, keys, values] in
            guard
                let output = try? kernel.attend(
                    queries: queries, keys: keys, values: values, workspace: &workspace.workspace)
            else { fatalError("attention shapes are consistent by construction") }
            precondition(output.storage[0].isFinite, "attention output is not finite")
        }
    }

    /// The blocked algorithm's two products at its block sizes: `Sᵀ = K_blk·X_blkᵀ`, then
    /// `O_blk += Sᵀᵀ·W_blk`.
    func productsCall() -> () -> Void {
        let queryBlock = min(kernel.queryBlockSize, n)
        let keyBlock = min(kernel.keyBlockSize, n)
        let buffers = ProductBuffers(
            scores: [Double](repeating: 0, count: queryBlock * keyBlock),
            output: [Double](repeating: 0, count: n * d))
        return { [n, d, queries, keys, values] in
            queries.storage.withUnsafeBufferPointer { q in
                keys.storage.withUnsafeBufferPointer { k in
                    values.storage.withUnsafeBufferPointer { w in
                        buffers.scores.withUnsafeMutableBufferPointer { s in
                            buffers.output.withUnsafeMutableBufferPointer { o in
                                guard let q = q.baseAddress, let k = k.baseAddress, let w = w.baseAddress,
                                    let s = s.baseAddress, let o = o.baseAddress
                                else { return }
                                var queryStart = 0
                                while queryStart < n {
                                    let count = min(queryBlock, n - queryStart)
                                    var keyStart = 0
                                    while keyStart < n {
                                        let keyCount = min(keyBlock, n - keyStart)
                                        BLAS.gemm(
                                            .none, .transpose, m: keyCount, n: count, k: d, alpha: 1,
                                            a: k + keyStart, lda: n, b: q + queryStart, ldb: n, beta: 0, c: s,
                                            ldc: keyCount)
                                        BLAS.gemm(
                                            .transpose, .none, m: count, n: d, k: keyCount, alpha: 1,
                                            a: UnsafePointer(s), lda: keyCount, b: w + keyStart, ldb: n,
                                            beta: keyStart == 0 ? 0 : 1, c: o + queryStart, ldc: n)
                                        keyStart += keyCount
                                    }
                                    queryStart += count
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One `size³` dgemm.
    static func squareProduct(_ size: Int) -> () -> Void {
        var generator = Xoshiro256StarStar(seed: 5)
        let a = Matrix.gaussian(rows: size, columns: size, using: &generator)
        let b = Matrix.gaussian(rows: size, columns: size, using: &generator)
        let buffers = ProductBuffers(scores: [], output: [Double](repeating: 0, count: size * size))
        return {
            a.storage.withUnsafeBufferPointer { a in
                b.storage.withUnsafeBufferPointer { b in
                    buffers.output.withUnsafeMutableBufferPointer { c in
                        guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
                        BLAS.gemm(
                            .none, .none, m: size, n: size, k: size, alpha: 1, a: a, lda: size, b: b, ldb: size,
                            beta: 0, c: c, ldc: size)
                    }
                }
            }
        }
    }

    /// ns per entry of the exponential pass on a 1024-entry block (L1-resident, scores in
    /// `[−20, 0]`), and of a plain loop of glibc `exp` on the same entries.
    static func exponentialNanoseconds(repeats: Int) -> (pass: Double, libm: Double) {
        let count = 1024
        let rounds = 2000
        var generator = Xoshiro256StarStar(seed: 9)
        let source = (0..<count).map { _ in -20 * generator.nextUniform() }
        var block = source
        var sink = 0.0
        let pass = best(repeats) {
            block.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for _ in 0..<rounds {
                    // Exponentiated over and over with shift 2, the entries stay in (0, 1].
                    sink += VectorExponential.exponentiateShiftedInPlace(base, count: count, shift: 2)
                }
            }
        }
        var target = source
        let libm = best(repeats) {
            for _ in 0..<rounds {
                for i in 0..<count { target[i] = Foundation.exp(source[i]) }
                sink += target[count - 1]
            }
        }
        precondition(sink.isFinite, "exponentials are finite")
        let entries = Double(count * rounds)
        return (pass / entries * 1e9, libm / entries * 1e9)
    }
}

/// A kernel's workspace, kept across the calls of one measurement.
final class WorkspaceBox {
    var workspace = AttentionWorkspace()
}

/// Output buffers of a product measurement.
final class ProductBuffers {
    var scores: [Double]
    var output: [Double]
    init(scores: [Double], output: [Double]) {
        self.scores = scores
        self.output = output
    }
}

/// Best wall time of each measurement: measurements run one after another in the order they
/// were added, each as a warm-up call and `repeats` timed calls. (Add the long dgemm last: this
/// machine runs slower for a while after it.)
struct SequentialTimer {
    private var measurements: [(name: String, body: () -> Void)] = []

    mutating func add(_ name: String, _ body: @escaping () -> Void) {
        measurements.append((name, body))
    }

    /// The best seconds by name.
    func run(repeats: Int) -> [String: Double] {
        var best: [String: Double] = [:]
        for measurement in measurements {
            best[measurement.name] = AttentionBenchmark.best(repeats, measurement.body)
        }
        return best
    }
}

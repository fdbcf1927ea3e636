internal import CVectorExponential

/// Branch-free exponentials for the softmax passes of the attention kernel and for code that
/// works on eight-lane Swift vectors.
///
/// **The attention passes** (``exp(_:)-(Double)``, ``exponentiateShiftedInPlace(_:count:shift:)``,
/// the blocked algorithm's per-block softmax and the fused kernel) run a C implementation compiled
/// for AVX-512, AVX2 with FMA and the baseline and chosen at run time (``instructionSet``).
/// Algorithm (table-driven): `k = rint(64x/ln 2)` by the `1.5·2⁵²` rounding trick in one fused
/// multiply-add, `r = (x − k·ln2_hi/64) − k·ln2_lo/64` by two fused multiply-adds with
/// `|r| ≤ ln 2/128`, `q = eʳ − 1` by the degree-5 Taylor polynomial in Horner form (fused
/// multiply-adds; truncation below `3.5e−17`), then the fused `t·q + t` with
/// `t = 2^((k mod 64)/64)` from a 64-entry table of correctly rounded values, and `2^⌊k/64⌋`
/// added to the exponent field. Every fused multiply-add is rounded once on every variant — in
/// hardware on AVX2 and AVX-512, by the C library's correctly rounded `fma` on the baseline — so
/// all variants give the same bits (tested). Per eight lanes this is about 14 arithmetic
/// operations and eight table loads, and the passes keep several vectors in flight so that they
/// are bound by throughput rather than latency.
///
/// Domain and accuracy: for `−708 ≤ x ≤ 709.78` the result is within 2 ulp of the correctly
/// rounded `eˣ` (tested over the whole range). Below `−708` the result is flushed to `0` (the true
/// value is below `3.3e−308`, which cannot change a softmax row sum that is at least 1); above
/// `709.782712893384` it is `+∞`. Inputs must not be NaN.
///
/// **The Swift vector exponential** ``exp(_:)-(Vector)`` keeps the degree-11 polynomial on
/// `[−ln2/2, ln2/2]` (Cody–Waite reduction, scaling by `2^(k−1)·2`), same domain and bound; it
/// serves Swift code that computes on ``Vector`` values.
public enum VectorExponential {
    /// The lane count of one vector step.
    public typealias Vector = SIMD8<Double>

    static let log2e = 1.4426950408889634
    /// `ln 2` split so that `k·ln2Hi` is exact for `|k| < 2¹¹`.
    static let ln2Hi = 0.693147180369123816490
    static let ln2Lo = 1.90821492927058770002e-10
    /// `1.5·2⁵²`: adding it rounds to an integer held in the low mantissa bits.
    static let roundingShift = 6755399441055744.0
    static let underflowCutoff = -708.0
    static let overflowCutoff = 709.782712893384

    /// `eˣ` lane by lane by the Swift degree-11 polynomial (see the type documentation).
    @inlinable
    public static func exp(_ x: Vector) -> Vector {
        exponential(x)
    }

    /// The scalar `eˣ` by the attention passes' algorithm (see the type documentation).
    public static func exp(_ x: Double) -> Double {
        cvexp_exp(x)
    }

    @usableFromInline
    @inline(__always)
    static func exponential(_ input: Vector) -> Vector {
        // Out-of-range lanes (x < −708, x > 709.78, ±∞) compute garbage here and are replaced
        // by 0 or +∞ at the end (a lane select, so NaN intermediates are discarded).
        let x = input
        let shifted = x * log2e + roundingShift
        let k = shifted - roundingShift
        let r = (x - k * ln2Hi) - k * ln2Lo
        // Near-minimax (Chebyshev) degree-11 polynomial for eʳ on [−ln2/2, ln2/2]; with these
        // double coefficients its relative error is below 2e−17 (0.15 ulp). Horner's rule.
        var p = Vector(repeating: 2.5110037605963777e-08)
        p = p * r + 2.763263963904103e-07
        p = p * r + 2.755724091857897e-06
        p = p * r + 2.4801485482328494e-05
        p = p * r + 0.00019841269890047113
        p = p * r + 0.0013888888952314775
        p = p * r + 0.008333333333319601
        p = p * r + 0.0416666666664881
        p = p * r + 0.1666666666666668
        p = p * r + 0.5000000000000019
        p = p * r + 1.0
        p = p * r + 1.0
        // The low mantissa bits of `shifted` hold k in two's complement; build 2^(k−1).
        let shiftBits = unsafeBitCast(shifted, to: SIMD8<Int64>.self)
        let baseBits = Int64(bitPattern: roundingShift.bitPattern)
        let exponentBits = (shiftBits &- baseBits &+ 1022) &<< 52
        let halfScale = unsafeBitCast(exponentBits, to: Vector.self)
        var result = p * halfScale * 2
        result.replace(with: 0, where: x .< underflowCutoff)
        result.replace(with: .infinity, where: x .> overflowCutoff)
        return result
    }

    /// Replaces `values[i]` by `exp(values[i] − shift)` for `i < count` and returns the sum of
    /// the new values (accumulated in eight lanes, lane `i mod 8`, then added lane by lane from
    /// −0: a fixed order, so the result is reproducible).
    ///
    /// Runs the variant chosen for this machine (``instructionSet``); every variant gives the same
    /// bits, which the tests check.
    ///
    /// - Precondition: `values[i] − shift` is not NaN.
    public static func exponentiateShiftedInPlace(
        _ values: UnsafeMutablePointer<Double>, count: Int, shift: Double
    ) -> Double {
        cvexp_exponentiate_shifted_in_place(values, count, shift)
    }

    /// The instruction set of the exponential passes on this machine (`avx512f`, `avx2` or
    /// `baseline`).
    public static var instructionSet: String { String(cString: cvexp_variant()) }

    /// An instruction-set variant of the C passes, for tests that compare them.
    struct Variant: Sendable, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: cvexp_variant_name(code)) }

        /// The variants this machine can run (always at least the baseline).
        static var supported: [Variant] {
            [Int32(CVEXP_BASELINE), Int32(CVEXP_AVX2), Int32(CVEXP_AVX512F)]
                .filter { cvexp_variant_supported($0) != 0 }.map(Variant.init(code:))
        }

        /// ``VectorExponential/exponentiateShiftedInPlace(_:count:shift:)`` with this variant.
        func exponentiateShiftedInPlace(_ values: UnsafeMutablePointer<Double>, count: Int, shift: Double) -> Double {
            cvexp_exponentiate_shifted_in_place_variant(code, values, count, shift)
        }

        /// The kernel's softmax pass on a `rows × columns` block (leading dimension `leading`)
        /// with this variant; see `cvexp_softmax_block` for the update of the running statistics.
        func softmaxBlock(
            _ scores: UnsafeMutablePointer<Double>, rows: Int, leading: Int, columns: Int,
            maxima: UnsafeMutablePointer<Double>, sums: UnsafeMutablePointer<Double>,
            rescale: UnsafeMutablePointer<Double>, first: Bool
        ) {
            cvexp_softmax_block_variant(code, scores, rows, leading, columns, maxima, sums, rescale, first ? 1 : 0)
        }

        /// The fused softmax attention kernel (``SoftmaxAttention/Algorithm/fused``) with this
        /// variant: `O = softmax(X·Kᵀ)·W` for column-major `X` (`M × p`), `K` (`n × p`), `W`
        /// (`n × d'`), `n ≥ 1`.
        func fusedAttention(queries: Matrix, keys: Matrix, values: Matrix) -> Matrix {
            var output = Matrix(rows: queries.rows, columns: values.columns)
            let (q, n, p, dv) = (queries.rows, keys.rows, keys.columns, values.columns)
            var workspace = [Double](repeating: 0, count: cvexp_fused_attention_workspace(q, n, p, dv))
            queries.storage.withUnsafeBufferPointer { x in
                keys.storage.withUnsafeBufferPointer { k in
                    values.storage.withUnsafeBufferPointer { w in
                        output.storage.withUnsafeMutableBufferPointer { o in
                            workspace.withUnsafeMutableBufferPointer { buffer in
                                guard let x = x.baseAddress, let k = k.baseAddress, let w = w.baseAddress,
                                    let o = o.baseAddress, let buffer = buffer.baseAddress
                                else { return }
                                cvexp_fused_attention_variant(code, x, q, k, n, p, w, dv, o, buffer)
                            }
                        }
                    }
                }
            }
            return output
        }
    }

    /// The largest of `values[0..<count]` (`−∞` when `count == 0`).
    @inlinable
    public static func maximum(_ values: UnsafePointer<Double>, count: Int) -> Double {
        let lanes = Vector.scalarCount
        let raw = UnsafeRawPointer(values)
        var best = Vector(repeating: -.infinity)
        var i = 0
        while i + lanes <= count {
            let v = (raw + i * MemoryLayout<Double>.stride).loadUnaligned(as: Vector.self)
            best.replace(with: v, where: v .> best)
            i += lanes
        }
        var result = best.max()
        while i < count {
            result = Swift.max(result, values[i])
            i += 1
        }
        return result
    }
}

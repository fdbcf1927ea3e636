internal import CVectorExponential

/// A branch-free exponential on eight lanes at a time, used for the `exp(s − max)` pass of the
/// softmax kernel, where it replaces one libm call per score.
///
/// Algorithm (Cody–Waite reduction, no table):
/// `k = rint(x·log₂e)` by the `1.5·2⁵²` rounding trick, `r = (x − k·ln2_hi) − k·ln2_lo` with
/// `|r| ≤ ln2/2`, `eʳ` by a degree-11 near-minimax polynomial in Horner form (relative error
/// below `2e−17`, far below one ulp), then scaling by `2^(k−1)·2` built from the exponent bits
/// (the split lets `k = 1024` through without overflowing the scale factor).
///
/// Domain and accuracy: for `−708 ≤ x ≤ 709.78` the result is within 2 ulp of the correctly
/// rounded `eˣ` (tested against glibc `exp`). Below `−708` the result is flushed to `0` (the true
/// value is below `3.3e−308`, which cannot change a softmax row sum that is at least 1); above
/// `709.782712893384` it is `+∞`. Inputs must not be NaN.
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

    /// `eˣ` lane by lane (see the type documentation for domain and accuracy).
    @inlinable
    public static func exp(_ x: Vector) -> Vector {
        exponential(x)
    }

    /// The scalar `eˣ` by the same algorithm (all eight lanes get `x`; lane 0 is returned).
    public static func exp(_ x: Double) -> Double {
        exponential(Vector(repeating: x))[0]
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
    /// the new values (accumulated in eight lanes, then added lane by lane from −0: a fixed
    /// order, so the result is reproducible).
    ///
    /// Runs the C implementation of the same algorithm, compiled for AVX-512, AVX2 and the
    /// baseline and chosen at run time (``instructionSet``); every variant gives the same bits
    /// as ``exponentiateShiftedInPlaceReference(_:count:shift:)``, which the tests check.
    ///
    /// - Precondition: `values[i] − shift` is not NaN.
    public static func exponentiateShiftedInPlace(
        _ values: UnsafeMutablePointer<Double>, count: Int, shift: Double
    ) -> Double {
        cvexp_exponentiate_shifted_in_place(values, count, shift)
    }

    /// The instruction set of the exponential pass on this machine (`avx512f`, `avx2` or
    /// `baseline`).
    public static var instructionSet: String { String(cString: cvexp_variant()) }

    /// The same pass in Swift on eight-lane vectors: the reference the C variants must match.
    @inlinable
    public static func exponentiateShiftedInPlaceReference(
        _ values: UnsafeMutablePointer<Double>, count: Int, shift: Double
    ) -> Double {
        let lanes = Vector.scalarCount
        let raw = UnsafeMutableRawPointer(values)
        var accumulator = Vector.zero
        var i = 0
        while i + lanes <= count {
            let address = raw + i * MemoryLayout<Double>.stride
            let v = exponential(address.loadUnaligned(as: Vector.self) - shift)
            address.storeBytes(of: v, as: Vector.self)
            accumulator += v
            i += lanes
        }
        if i < count {
            var tail = Vector(repeating: -.infinity)
            for lane in 0..<(count - i) { tail[lane] = values[i + lane] - shift }
            let v = exponential(tail)
            for lane in 0..<(count - i) { values[i + lane] = v[lane] }
            accumulator += v
        }
        return accumulator.sum()
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

import WorkbenchNumerics

/// `tanh` over a buffer through the vectorised exponential pass
/// (``VectorExponential/exponentiateShiftedInPlace(_:count:shift:)``, the C kernel chosen for the
/// machine's instruction set).
///
/// `tanh x = sign(x)·(1 − e)/(1 + e)` with `e = exp(−2|x|) ∈ (0, 1]`, so nothing overflows.
/// Accuracy: the quotient is within a few ulp of `tanh |x|` when `|x| ≳ 0.1`; near 0 the
/// subtraction `1 − e` loses relative (not absolute) accuracy, so the **absolute** error is
/// below ~4e−16 everywhere (tested against glibc `tanh`), which is what the residuals need
/// (their outputs are summed with O(1) states). Below `−2|x| = −708` the exponential flushes
/// to 0, giving ±1 (as the true value rounds to). A NaN entry stays NaN.
enum VectorTanh {
    /// Replaces every entry of `values` by its hyperbolic tangent.
    static func apply(_ values: inout [Double]) {
        let count = values.count
        values.withUnsafeMutableBufferPointer { x in
            _ = [Double](unsafeUninitializedCapacity: count) { e, initialized in
                for i in 0..<count { e[i] = x[i].isNaN ? 0 : -2 * abs(x[i]) }
                initialized = count
                guard let base = e.baseAddress else { return }
                _ = VectorExponential.exponentiateShiftedInPlace(base, count: count, shift: 0)
                for i in 0..<count {
                    let magnitude = (1 - e[i]) / (1 + e[i])
                    x[i] = x[i].isNaN ? x[i] : (x[i] < 0 ? -magnitude : magnitude)
                }
            }
        }
    }
}

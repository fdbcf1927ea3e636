import Foundation
import Testing
@testable import WorkbenchNumerics

@Suite("Attention: vector exponential")
struct AttentionExponentialTests {
    /// Distance in units in the last place between two positive doubles (their bit patterns are
    /// ordered like their values).
    static func ulps(_ a: Double, _ b: Double) -> UInt64 {
        let x = a.bitPattern
        let y = b.bitPattern
        return x > y ? x - y : y - x
    }

    /// The correctly rounded `eˣ` (to the double nearest the 64-bit-mantissa `expl`, whose error
    /// is far below half a double ulp; the double rounding can move a result by at most one ulp
    /// in rare halfway cases, which the 2-ulp bound absorbs only if the kernel itself is within 1).
    static func reference(_ x: Double) -> Double {
        #if arch(x86_64)
            Double(Glibc.expl(Float80(x)))
        #else
            Foundation.exp(x)
        #endif
    }

    /// Arguments over the whole finite range of the exponential: uniform on `[−708, 709.78]`,
    /// dense near 0 (where relative accuracy of the polynomial matters most), every table entry's
    /// neighbourhood (`j·ln2/64 ± ln2/128`), and the end points.
    static func arguments() -> [Double] {
        var generator = Xoshiro256StarStar(seed: 42)
        var samples = [Double]()
        for _ in 0..<200_000 { samples.append(-708 + (709.78 + 708) * generator.nextUniform()) }
        for _ in 0..<50_000 { samples.append(2 * generator.nextUniform() - 1) }
        for j in -64...64 {
            for _ in 0..<100 {
                samples.append((Double(j) + generator.nextUniform() - 0.5) * log(2.0) / 64)
            }
        }
        samples += [0, -0.0, 1, -1, 1e-300, -1e-300, -708, 709.78, 709.782712893384, 0.5 * log(2.0), -0.5 * log(2.0)]
        return samples
    }

    @Test func attentionPassWithinTwoUlpOverTheWholeRange() {
        var samples = Self.arguments()
        let arguments = samples
        _ = samples.withUnsafeMutableBufferPointer { buffer in
            VectorExponential.exponentiateShiftedInPlace(buffer.baseAddress!, count: buffer.count, shift: 0)
        }
        var worst: UInt64 = 0
        for (x, value) in zip(arguments, samples) {
            worst = max(worst, Self.ulps(value, Self.reference(x)))
            #expect(value.isFinite && value > 0, "e^\(x)")
        }
        #expect(worst <= 2)
        #expect(VectorExponential.exp(0.0) == 1)
        #expect(VectorExponential.exp(1e-300) == 1)
        #expect(Self.ulps(VectorExponential.exp(1), M_E) <= 1)
    }

    @Test func swiftVectorExponentialWithinTwoUlpOverTheWholeRange() {
        let samples = Self.arguments()
        var worst: UInt64 = 0
        var index = 0
        while index < samples.count {
            var lanes = VectorExponential.Vector(repeating: 0)
            for lane in 0..<8 { lanes[lane] = samples[min(index + lane, samples.count - 1)] }
            let values = VectorExponential.exp(lanes)
            for lane in 0..<8 where index + lane < samples.count {
                worst = max(worst, Self.ulps(values[lane], Self.reference(samples[index + lane])))
            }
            index += 8
        }
        #expect(worst <= 2)
    }

    @Test func flushesBelowCutoffAndOverflowsAbove() {
        for x in [-708.5, -1e5, -.infinity, -Double.greatestFiniteMagnitude] {
            #expect(VectorExponential.exp(x) == 0, "e^\(x)")
            #expect(VectorExponential.exp(VectorExponential.Vector(repeating: x))[0] == 0, "e^\(x)")
        }
        for x in [709.79, 1e5, .infinity, Double.greatestFiniteMagnitude] {
            #expect(VectorExponential.exp(x) == .infinity, "e^\(x)")
            #expect(VectorExponential.exp(VectorExponential.Vector(repeating: x))[0] == .infinity, "e^\(x)")
        }
        // The largest argument below the cutoff stays finite (e^709.78 ≈ 1.8e308).
        #expect(VectorExponential.exp(709.782712893384).isFinite)
        // Smallest argument kept: a normal number, not a garbled exponent field.
        let smallest = VectorExponential.exp(-708)
        #expect(smallest.isNormal && Self.ulps(smallest, Self.reference(-708)) <= 2)
    }

    @Test func shiftedInPlacePassMatchesScalarLoop() {
        var generator = Xoshiro256StarStar(seed: 7)
        for count in [0, 1, 7, 8, 9, 31, 32, 33, 100] {
            var values = (0..<count).map { _ in 50 * generator.nextGaussian() }
            let original = values
            let shift = VectorExponential.maximum(values, count: count)
            #expect(shift == (original.max() ?? -.infinity))
            let sum = values.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0.0 }
                return VectorExponential.exponentiateShiftedInPlace(base, count: count, shift: shift)
            }
            let expected = original.map { Foundation.exp($0 - shift) }
            for (got, want) in zip(values, expected) {
                // Same 2-ulp bound as above, as an absolute error for values ≤ 1 (plus glibc's own
                // half ulp).
                #expect(abs(got - want) <= 6e-16)
            }
            // The sum of ≤ 100 terms each ≤ 1: rounding-order differences only.
            #expect(abs(sum - expected.reduce(0, +)) <= 1e-13)
        }
    }
}

@Suite("Attention: exponential pass variants")
struct ExponentialPassVariantTests {
    /// Every instruction-set variant this machine can run (AVX-512, AVX2, baseline) must give the
    /// baseline's bits — values and lane-ordered sum — so results never depend on the CPU.
    /// Lengths cover empty input, partial tails and many full vectors; inputs reach the
    /// underflow cutoff and an overflowing lane.
    @Test func everyVariantMatchesTheBaselineBitForBit() {
        #expect(["avx512f", "avx2", "baseline"].contains(VectorExponential.instructionSet))
        let variants = VectorExponential.Variant.supported
        #expect(variants.contains { $0.description == "baseline" })
        var generator = Xoshiro256StarStar(seed: 11)
        for count in [0, 1, 5, 8, 13, 32, 64, 1001] {
            var input = (0..<count).map { _ in 300 * generator.nextGaussian() }
            if count > 3 {
                input[1] = -800
                input[2] = 0
                input[3] = 720
            }
            let shift = count > 0 ? 10.0 : 0
            var results: [(values: [UInt64], sum: UInt64)] = []
            for variant in variants {
                var values = input
                let sum = values.withUnsafeMutableBufferPointer { buffer -> Double in
                    guard let base = buffer.baseAddress else { return -0.0 }
                    return variant.exponentiateShiftedInPlace(base, count: count, shift: shift)
                }
                results.append((values.map(\.bitPattern), sum.bitPattern))
            }
            for (variant, result) in zip(variants, results) {
                #expect(result.values == results[0].values, "\(variant), count \(count)")
                #expect(result.sum == results[0].sum, "\(variant), count \(count)")
            }
        }
    }

    /// The kernel's per-block softmax pass: every variant gives the baseline's bits for the
    /// exponentiated block and the running maxima, sums and factors, over a first block and an
    /// update block, with full groups of eight rows and leftover rows.
    @Test func softmaxBlockVariantsAgreeBitForBit() {
        let variants = VectorExponential.Variant.supported
        var generator = Xoshiro256StarStar(seed: 12)
        for (rows, columns) in [(1, 5), (7, 33), (8, 64), (21, 130)] {
            let leading = rows + 3
            let blocks = (0..<2).map { _ in (0..<(leading * columns)).map { _ in 40 * generator.nextGaussian() } }
            var results: [[UInt64]] = []
            for variant in variants {
                var maxima = [Double](repeating: 0, count: rows)
                var sums = maxima
                var rescale = maxima
                var bits: [UInt64] = []
                for (index, original) in blocks.enumerated() {
                    var scores = original
                    scores.withUnsafeMutableBufferPointer { s in
                        maxima.withUnsafeMutableBufferPointer { m in
                            sums.withUnsafeMutableBufferPointer { l in
                                rescale.withUnsafeMutableBufferPointer { r in
                                    variant.softmaxBlock(
                                        s.baseAddress!, rows: rows, leading: leading, columns: columns,
                                        maxima: m.baseAddress!, sums: l.baseAddress!, rescale: r.baseAddress!,
                                        first: index == 0)
                                }
                            }
                        }
                    }
                    for j in 0..<columns { bits += (0..<rows).map { scores[$0 + j * leading].bitPattern } }
                    bits += (maxima + sums + rescale).map(\.bitPattern)
                }
                results.append(bits)
            }
            for (variant, result) in zip(variants, results) {
                #expect(result == results[0], "\(variant), \(rows)×\(columns)")
            }
        }
    }
}

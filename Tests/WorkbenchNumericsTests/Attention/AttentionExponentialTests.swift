import Foundation
import Testing
@testable import WorkbenchNumerics

@Suite("Attention: vector exponential")
struct AttentionExponentialTests {
    /// Distance in units in the last place between two positive normal doubles.
    static func ulps(_ a: Double, _ b: Double) -> UInt64 {
        let x = a.bitPattern
        let y = b.bitPattern
        return x > y ? x - y : y - x
    }

    @Test func withinTwoUlpOfGlibcOverTheNormalRange() {
        var generator = Xoshiro256StarStar(seed: 42)
        var worst: UInt64 = 0
        var samples = [Double]()
        for _ in 0..<200_000 { samples.append(-708 + (709.78 + 708) * generator.nextUniform()) }
        // Small arguments, where relative accuracy of the polynomial matters most.
        for _ in 0..<50_000 { samples.append(2 * generator.nextUniform() - 1) }
        samples += [0, -0.0, 1, -1, 1e-300, -1e-300, -708, 709.78, 0.5 * log(2), -0.5 * log(2)]
        var index = 0
        while index < samples.count {
            var lanes = VectorExponential.Vector(repeating: 0)
            for lane in 0..<8 { lanes[lane] = samples[min(index + lane, samples.count - 1)] }
            let values = VectorExponential.exp(lanes)
            for lane in 0..<8 where index + lane < samples.count {
                worst = max(worst, Self.ulps(values[lane], Foundation.exp(samples[index + lane])))
            }
            index += 8
        }
        // The degree-13 Taylor polynomial is accurate to < 0.01 ulp; the bound allows for the
        // rounding of about 30 floating-point operations without fused multiply-add.
        #expect(worst <= 2)
        #expect(VectorExponential.exp(0.0) == 1)
    }

    @Test func flushesBelowCutoffAndOverflowsAbove() {
        #expect(VectorExponential.exp(-708.5) == 0)
        #expect(VectorExponential.exp(-1e5) == 0)
        #expect(VectorExponential.exp(-.infinity) == 0)
        #expect(VectorExponential.exp(709.79) == .infinity)
        #expect(VectorExponential.exp(1e5) == .infinity)
    }

    @Test func shiftedInPlacePassMatchesScalarLoop() {
        var generator = Xoshiro256StarStar(seed: 7)
        for count in [0, 1, 7, 8, 9, 100] {
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
                // Same 2-ulp bound as above, as an absolute error for values ≤ 1.
                #expect(abs(got - want) <= 4.5e-16)
            }
            // The sum of ≤ 100 terms each ≤ 1: rounding-order differences only.
            #expect(abs(sum - expected.reduce(0, +)) <= 1e-13)
        }
    }
}

@Suite("Attention: exponential pass variants")
struct ExponentialPassVariantTests {
    /// The C pass chosen for this machine (AVX-512, AVX2 or baseline) must reproduce the Swift
    /// reference bit for bit — values and lane-ordered sum — so results never depend on the CPU's
    /// instruction set. Lengths cover empty input, partial tails and many full vectors; inputs
    /// reach the underflow cutoff and an overflowing lane.
    @Test func chosenVariantMatchesTheSwiftReferenceBitForBit() {
        #expect(["avx512f", "avx2", "baseline"].contains(VectorExponential.instructionSet))
        var generator = Xoshiro256StarStar(seed: 11)
        for count in [0, 1, 5, 8, 13, 64, 1001] {
            var values = (0..<count).map { _ in 300 * generator.nextGaussian() }
            if count > 3 {
                values[1] = -800
                values[2] = 0
            }
            var reference = values
            let shift = count > 0 ? 10.0 : 0
            let sum = values.withUnsafeMutableBufferPointer { buffer -> Double in
                guard let base = buffer.baseAddress else { return -0.0 }
                return VectorExponential.exponentiateShiftedInPlace(base, count: count, shift: shift)
            }
            let referenceSum = reference.withUnsafeMutableBufferPointer { buffer -> Double in
                guard let base = buffer.baseAddress else { return -0.0 }
                return VectorExponential.exponentiateShiftedInPlaceReference(base, count: count, shift: shift)
            }
            #expect(values.map(\.bitPattern) == reference.map(\.bitPattern), "count \(count)")
            #expect(sum.bitPattern == referenceSum.bitPattern, "count \(count)")
        }
    }
}

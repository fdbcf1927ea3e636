import Testing
import WorkbenchNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Spearman rank correlation")
struct RankCorrelationTests {
    @Test("a perfectly monotone (non-linear) relation gives ρ = ±1")
    func perfectMonotone() {
        let x = (1...20).map { Double($0) }
        // Ranks are integers, so the Pearson formula on them is exact up to one rounding.
        #expect(abs(RankCorrelation.spearman(x, x.map { exp($0) }) - 1) <= 4 * Double.ulpOfOne)
        #expect(abs(RankCorrelation.spearman(x, x.map { -$0 * $0 * $0 }) + 1) <= 4 * Double.ulpOfOne)
    }

    @Test("ties get average ranks")
    func tiedRanks() {
        #expect(RankCorrelation.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
        // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6]).
        #expect(RankCorrelation.ranks([3, 1, 4, 1, 5, 9, 2, 6]) == [4, 1.5, 5, 1.5, 6, 8, 3, 7])
        #expect(RankCorrelation.ranks([5, 5, 5]) == [2, 2, 2])
        #expect(RankCorrelation.ranks([]) == [])
    }

    @Test("with ties, ρ matches scipy.stats.spearmanr")
    func withTies() {
        // Sums of products of half-integer ranks: a few ulps.
        #expect(
            abs(RankCorrelation.spearman([1, 2, 2, 3, 4], [1, 3, 2, 2, 5]) - 0.7631578947368421)
                <= 4 * Double.ulpOfOne)
        #expect(
            abs(
                RankCorrelation.spearman([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8])
                    - 0.19885368120992467) <= 4 * Double.ulpOfOne)
        // Tied monotone data is still perfectly monotone.
        #expect(abs(RankCorrelation.spearman([1, 1, 2, 3], [5, 5, 6, 9]) - 1) <= 4 * Double.ulpOfOne)
    }

    @Test("ρ is undefined (nan) for a constant sample")
    func constant() {
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]).isNaN)
    }
}

import WorkbenchNumerics
import WorkbenchStore

/// How one claim fared over a sweep's finished cells.
///
/// The pass rate is `pass / evaluated`, where evaluated counts the cells whose check came out
/// pass, fail or inconclusive (a claim `not-run` or `not-applicable` in a cell was not evaluated
/// there). The measured values are summarised by their mean, extremes and a 95 % percentile
/// bootstrap interval of the mean: ``bootstrapResamples`` resamples of the values with
/// replacement, drawn from a stream seeded by the claim id, so the interval is the same on every
/// rendering.
public struct ClaimRobustness: Sendable, Equatable {
    /// Number of bootstrap resamples.
    public static let bootstrapResamples = 2000

    public let claim: String
    public let statement: String
    /// The accepted interval as text.
    public let expected: String
    public let expectedLow: Double?
    public let expectedHigh: Double?
    public let pass: Int
    public let fail: Int
    public let inconclusive: Int
    /// Cells where the claim was `not-run` or `not-applicable`.
    public let notEvaluated: Int
    /// Checks whose verdict stood on the point estimate alone (CI straddling a bound).
    public let marginal: Int
    public let measured: [Double]
    /// Labels (`seed 7`, or `mcSamples=800 seed 7`) of the cells where the claim failed.
    public let failingCells: [String]
    /// Labels of the cells where the claim was inconclusive.
    public let inconclusiveCells: [String]

    public var evaluated: Int { pass + fail + inconclusive }

    /// `pass / evaluated`, `nil` when no cell evaluated the claim.
    public var passRate: Double? { evaluated == 0 ? nil : Double(pass) / Double(evaluated) }

    public var mean: Double? { measured.isEmpty ? nil : measured.reduce(0, +) / Double(measured.count) }

    /// The 95 % percentile bootstrap interval of the mean.
    public var bootstrapInterval: (low: Double, high: Double)? {
        guard measured.count >= 2 else { return nil }
        var generator = RandomStream.generator(seed: 0x5EED_5EED, "sweep-report", .label(claim))
        var means: [Double] = []
        means.reserveCapacity(Self.bootstrapResamples)
        for _ in 0..<Self.bootstrapResamples {
            var sum = 0.0
            for _ in 0..<measured.count {
                sum += measured[Int(generator.nextBounded(UInt64(measured.count)))]
            }
            means.append(sum / Double(measured.count))
        }
        means.sort()
        let lowIndex = Int((0.025 * Double(Self.bootstrapResamples)).rounded(.down))
        let highIndex = Int((0.975 * Double(Self.bootstrapResamples)).rounded(.up)) - 1
        return (means[lowIndex], means[highIndex])
    }

    /// Summarises `claim` over the finished cells of `data`.
    public init(claim: String, in data: SweepReportData) {
        let checks = data.checks(of: claim)
        self.claim = claim
        let first = checks.first?.check
        statement = first?.statement ?? ""
        expected = first?.expected ?? ""
        expectedLow = first?.expectedLow
        expectedHigh = first?.expectedHigh
        pass = checks.filter { $0.check.verdict == .pass }.count
        fail = checks.filter { $0.check.verdict == .fail }.count
        inconclusive = checks.filter { $0.check.verdict == .inconclusive }.count
        notEvaluated = checks.count - pass - fail - inconclusive
        marginal = checks.filter { $0.check.marginal }.count
        measured = checks.filter { [.pass, .fail, .inconclusive].contains($0.check.verdict) }.compactMap {
            $0.check.measured
        }
        failingCells = checks.filter { $0.check.verdict == .fail }.map { SweepReport.label($0.cell) }
        inconclusiveCells = checks.filter { $0.check.verdict == .inconclusive }.map { SweepReport.label($0.cell) }
    }

    public static func == (a: ClaimRobustness, b: ClaimRobustness) -> Bool {
        a.claim == b.claim && a.pass == b.pass && a.fail == b.fail && a.inconclusive == b.inconclusive
            && a.notEvaluated == b.notEvaluated && a.measured == b.measured && a.failingCells == b.failingCells
    }
}

import WorkbenchNumerics

/// Accumulates the maxima of ``DriftMeasurement`` along a trajectory.
struct DriftTracker {
    private let initialBalance: Matrix
    private let initialNorm: Double
    var measurement = DriftMeasurement()

    init(_ start: TwoLayerNetwork) {
        initialBalance = start.balance
        initialNorm = start.u.frobeniusNorm * start.u.frobeniusNorm
        for i in 0..<start.width {
            for j in 0..<start.width where start.isLawEntry(i, j) {
                measurement.lawScale = max(measurement.lawScale, abs(initialBalance[i, j]))
            }
        }
        measurement.largestLaw = measurement.lawScale
    }

    /// Updates the maxima with the state `theta` (whose balance matrix is `balance`).
    mutating func observe(_ theta: TwoLayerNetwork, balance: Matrix) {
        for i in 0..<theta.width {
            for j in 0..<theta.width {
                let drift = abs(balance[i, j] - initialBalance[i, j])
                if theta.isLawEntry(i, j) {
                    measurement.lawDrift = max(measurement.lawDrift, drift)
                    measurement.largestLaw = max(measurement.largestLaw, abs(balance[i, j]))
                } else {
                    measurement.nonlawDrift = max(measurement.nonlawDrift, drift)
                }
            }
        }
        if theta.activation == .linear {
            let norm = theta.u.frobeniusNorm * theta.u.frobeniusNorm
            measurement.nonlawDrift = max(measurement.nonlawDrift, abs(norm - initialNorm))
        }
    }
}

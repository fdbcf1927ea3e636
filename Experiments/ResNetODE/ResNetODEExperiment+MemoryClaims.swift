import WorkbenchCore
import WorkbenchNumerics

extension ResNetODEExperiment {
    /// The memory claims of spec §6.6, decided by the `memory` part (worst of Euler and Heun).
    static let memoryClaims: [ClaimSpec] = [
        ClaimSpec(
            "mem-backprop-linear",
            statement:
                "Backprop keeps activations linear in depth: R² of tracked bytes against N > 0.999 (worst method)",
            paperValue: "≈ 1 activation per layer (memory figure)", expected: .atLeast(0.999),
            measure: .computed { results in
                var worst: Measurement?
                for method in IntegrationMethod.allCases {
                    let series = results.series(MemoryStudy.key("backprop", method, "bytes_peak").text)
                    guard let fit = LinearFit(x: series.map(\.x), y: series.map(\.value)) else { return nil }
                    if worst.map({ fit.rSquared < $0.value }) ?? true {
                        worst = Measurement(
                            fit.rSquared,
                            detail: "\(method.rawValue): \(ReportNumber.format(fit.slope)) bytes per layer")
                    }
                }
                return worst
            },
            appliesWhen: [.count(memDepths, atLeast: 3)]),
        ClaimSpec(
            "mem-adjoint-constant",
            statement:
                "The adjoint's activation memory is constant in depth: (max − min) of tracked bytes over N, in buffers of d·B·8 bytes, ≤ 1 (worst method)",
            paperValue: "flat (memory figure)", expected: .atMost(1),
            measure: .computed { results in
                let buffer = Double(results.parameters[memDim] * results.parameters[memBatch] * 8)
                var spread = [Double]()
                for method in IntegrationMethod.allCases {
                    let values = results.series(MemoryStudy.key("adjoint", method, "bytes_peak").text).map(\.value)
                    guard let high = values.maximumPropagatingNaN(), let low = values.minimumPropagatingNaN() else {
                        return nil
                    }
                    spread.append((high - low) / buffer)
                }
                return spread.maximumPropagatingNaN().map { Measurement($0) }
            },
            appliesWhen: [.count(memDepths, atLeast: 2)]),
    ]
}

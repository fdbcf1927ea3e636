extension TimeGrid {
    /// The accepted spellings, for help texts and error messages.
    static let syntax = "uniform, power:<p ≥ 1> or edm:<r > 0>"

    /// Parses `uniform`, `power:p` or `edm:r`; `nil` for anything else.
    init?(_ text: String) {
        if text == "uniform" {
            self = .uniform
        } else if let p = SpectrumSpecification.number(after: "power:", in: text), p >= 1 {
            self = .power(p)
        } else if let r = SpectrumSpecification.number(after: "edm:", in: text), r > 0 {
            self = .edm(r)
        } else {
            return nil
        }
    }

    /// Key-safe label: `uniform`, `power2`, `edm7`.
    var label: String {
        switch self {
        case .uniform: return "uniform"
        case .power(let p): return "power" + MetricKey.number(p)
        case .edm(let r): return "edm" + MetricKey.number(r)
        }
    }
}

import WorkbenchCore

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

    /// Parses the value `text` of the parameter `key`.
    ///
    /// - Throws: ``DiffusionDiscretizationError/malformedParameter(key:value:)`` when the text is
    ///   not a grid (the declared constraint prevents it).
    init(_ text: String, parameter key: String) throws(DiffusionDiscretizationError) {
        guard let grid = TimeGrid(text) else { throw .malformedParameter(key: key, value: text) }
        self = grid
    }

    /// The grid of the text parameter `parameter`.
    init(_ parameter: Parameter<String>, in parameters: ParameterSet) throws(DiffusionDiscretizationError) {
        try self.init(parameters[parameter], parameter: parameter.key)
    }

    /// The grids of the list parameter `parameter`, in the given order.
    static func list(
        _ parameter: Parameter<[String]>, in parameters: ParameterSet
    ) throws(DiffusionDiscretizationError) -> [TimeGrid] {
        try parameters[parameter].map { text throws(DiffusionDiscretizationError) in
            try TimeGrid(text, parameter: parameter.key)
        }
    }

    /// Key-safe label: `uniform`, `power2`, `edm7` (numbers in the core's key format).
    var label: String {
        switch self {
        case .uniform: return "uniform"
        case .power(let p): return "power" + MetricKey.format(p)
        case .edm(let r): return "edm" + MetricKey.format(r)
        }
    }
}

import WorkbenchCore

extension ProcessConfiguration {
    private typealias Declared = DiffusionDiscretizationExperiment

    /// The parameters defining the three processes: windows, schedules and λ scales.
    static let windowParameters: [any ParameterDeclaration] = [
        Declared.eps, Declared.horizon, Declared.cosineHorizon, Declared.veEps, Declared.veHorizon, Declared.betaMin,
        Declared.betaMax, Declared.cosineOffset, Declared.lambdaScale, Declared.veLambdaScale,
    ]

    /// The parameters read by ``selected(_:)``: `processes` and the windows.
    static let selectionParameters: [any ParameterDeclaration] = [Declared.processes] + windowParameters

    /// All three processes with the run's windows and scales, in ``ForwardProcess/names`` order.
    static func all(_ parameters: ParameterSet) -> [ProcessConfiguration] {
        let eps = parameters[Declared.eps]
        let lambdaScale = parameters[Declared.lambdaScale]
        return [
            ProcessConfiguration(
                name: "vp-linear",
                setting: DiffusionSetting(
                    process: .variancePreservingLinear(
                        betaMin: parameters[Declared.betaMin], betaMax: parameters[Declared.betaMax]),
                    horizon: parameters[Declared.horizon], truncation: eps),
                lambdaScale: lambdaScale),
            ProcessConfiguration(
                name: "vp-cosine",
                setting: DiffusionSetting(
                    process: .variancePreservingCosine(offset: parameters[Declared.cosineOffset]),
                    horizon: parameters[Declared.cosineHorizon], truncation: eps),
                lambdaScale: lambdaScale),
            ProcessConfiguration(
                name: "ve-edm",
                setting: DiffusionSetting(
                    process: .varianceExploding, horizon: parameters[Declared.veHorizon],
                    truncation: parameters[Declared.veEps]),
                lambdaScale: parameters[Declared.veLambdaScale]),
        ]
    }

    /// The processes `processes` selects, in the given order.
    ///
    /// - Throws: ``DiffusionDiscretizationError/malformedParameter(key:value:)`` for an unknown
    ///   name (the declared choices prevent it).
    static func selected(_ parameters: ParameterSet) throws(DiffusionDiscretizationError) -> [ProcessConfiguration] {
        let catalog = all(parameters)
        return try parameters[Declared.processes].map { name throws(DiffusionDiscretizationError) in
            guard let process = catalog.first(where: { $0.name == name }) else {
                throw .malformedParameter(key: Declared.processes.key, value: name)
            }
            return process
        }
    }

    /// The process the spec states claims A3–A7 for.
    static let referenceName = "vp-linear"
}

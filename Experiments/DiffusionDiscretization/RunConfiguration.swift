import Foundation
import WorkbenchCore

/// The typed view of a run's parameters (see ``DiffusionDiscretizationExperiment`` for their
/// meaning), parsed once before any work starts.
struct RunConfiguration: Sendable {
    /// The processes selected by `processes`, in the given order.
    let processes: [ProcessConfiguration]
    /// All three processes with the run's windows and scales (the exactness oracles use them).
    let allProcesses: [ProcessConfiguration]
    let spectra: [SpectrumSpecification]
    let dimension: Int
    let meanScale: Double
    let etas: [Double]
    let grids: [TimeGrid]
    let stepCounts: [Int]
    let initialization: ChainInitialization

    let optimize: Bool
    let sweepAlphas: [Double]
    let etaSweepDimension: Int
    let sweepEtas: [Double]
    let sweepGrids: [TimeGrid]
    let sweepPowers: [Double]
    let powerSweepEtas: [Double]
    let powerSweepDimension: Int
    let sweepStepCounts: [Int]

    let monteCarlo: Bool
    let monteCarloSamples: Int
    let monteCarloDimensions: [Int]
    let monteCarloStepCounts: [Int]
    let monteCarloEtas: [Double]
    let monteCarloMeanScale: Double
    let monteCarloGrid: TimeGrid

    let extensions: Bool
    let extensionGrid: TimeGrid

    /// The eigenvalue grid of the κ(λ) table: `logspace(−4, 1, 26)`.
    static let kernelLambdas: [Double] = (0..<26).map { Foundation.pow(10, -4 + Double($0) / 5) }

    /// Parses validated parameters.
    ///
    /// - Throws: ``ExperimentError`` for an undeclared or mistyped key,
    ///   ``DiffusionDiscretizationError`` for a text that does not parse (validation prevents both).
    init(_ parameters: ParameterSet) throws {
        let eps = try parameters.real("eps")
        let betaMin = try parameters.real("betaMin")
        let betaMax = try parameters.real("betaMax")
        let lambdaScale = try parameters.real("lambdaScale")
        allProcesses = [
            ProcessConfiguration(
                name: "vp-linear",
                setting: DiffusionSetting(
                    process: .variancePreservingLinear(betaMin: betaMin, betaMax: betaMax),
                    horizon: try parameters.real("T"), truncation: eps),
                lambdaScale: lambdaScale),
            ProcessConfiguration(
                name: "vp-cosine",
                setting: DiffusionSetting(
                    process: .variancePreservingCosine(offset: try parameters.real("cosineOffset")),
                    horizon: try parameters.real("cosineT"), truncation: eps),
                lambdaScale: lambdaScale),
            ProcessConfiguration(
                name: "ve-edm",
                setting: DiffusionSetting(
                    process: .varianceExploding, horizon: try parameters.real("veT"),
                    truncation: try parameters.real("veEps")),
                lambdaScale: try parameters.real("veLambdaScale")),
        ]
        var processes = [ProcessConfiguration]()
        for name in try parameters.texts("processes") {
            guard let process = allProcesses.first(where: { $0.name == name }) else {
                throw DiffusionDiscretizationError.malformedParameter(key: "processes", value: name)
            }
            processes.append(process)
        }
        self.processes = processes
        spectra = try Self.parse(parameters.texts("spectra"), key: "spectra", SpectrumSpecification.init)
        dimension = try parameters.int("dimension")
        meanScale = try parameters.real("meanScale")
        etas = try parameters.reals("etas")
        grids = try Self.parse(parameters.texts("grids"), key: "grids", TimeGrid.init)
        stepCounts = try parameters.ints("Ks").sorted()
        guard let initialization = ChainInitialization(rawValue: try parameters.text("init")) else {
            throw DiffusionDiscretizationError.malformedParameter(
                key: "init", value: try parameters.text("init"))
        }
        self.initialization = initialization

        optimize = try parameters.bool("optimize")
        sweepAlphas = try parameters.reals("sweepAlphas")
        etaSweepDimension = try parameters.int("etaSweepDimension")
        sweepEtas = try parameters.reals("sweepEtas")
        sweepGrids = try Self.parse(parameters.texts("sweepGrids"), key: "sweepGrids", TimeGrid.init)
        sweepPowers = try parameters.reals("sweepPowers")
        powerSweepEtas = try parameters.reals("powerSweepEtas")
        powerSweepDimension = try parameters.int("powerSweepDimension")
        sweepStepCounts = try parameters.ints("sweepKs")

        monteCarlo = try parameters.bool("monteCarlo")
        monteCarloSamples = try parameters.int("mcSamples")
        monteCarloDimensions = try parameters.ints("mcDimensions")
        monteCarloStepCounts = try parameters.ints("mcKs")
        monteCarloEtas = try parameters.reals("mcEtas")
        monteCarloMeanScale = try parameters.real("mcMeanScale")
        monteCarloGrid = try Self.parse([parameters.text("mcGrid")], key: "mcGrid", TimeGrid.init)[0]

        extensions = try parameters.bool("extensions")
        extensionGrid = try Self.parse(
            [parameters.text("extensionGrid")], key: "extensionGrid", TimeGrid.init)[0]
    }

    private static func parse<T>(_ texts: [String], key: String, _ make: (String) -> T?) throws -> [T] {
        try texts.map { text in
            guard let value = make(text) else {
                throw DiffusionDiscretizationError.malformedParameter(key: key, value: text)
            }
            return value
        }
    }

    /// The process used by the claims that the spec states for VP-linear (A5–A7): `vp-linear`
    /// if present.
    static let referenceProcess = "vp-linear"
}

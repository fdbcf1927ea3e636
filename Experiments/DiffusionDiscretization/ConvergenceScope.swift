import WorkbenchCore

/// The convergence configurations a claim covers (claims A3, A4).
///
/// The spec states A3/A4 for its 24 default configurations — VP-linear × {pow:0.5, pow:1, pow:2,
/// twoscale} × {uniform, power:2} × η ∈ {0, 0.5, 1}, any d — and some of them for a subset. A
/// claim is measured over the run's configurations in its scope (worst case); a run with none
/// is outside the paper's setting (``condition``), and other configurations of a run (ve-edm,
/// edm:7, η = 2, …) are recorded and reported but are not part of the statement.
struct ConvergenceScope: Sendable {
    /// The scope in words, for the claim condition.
    let description: String
    private let includes: @Sendable (ConvergenceCell) -> Bool

    init(_ description: String, includes: @escaping @Sendable (ConvergenceCell) -> Bool) {
        self.description = description
        self.includes = includes
    }

    /// Whether `cell` belongs to the spec's default family.
    static func isDefaultFamily(_ cell: ConvergenceCell) -> Bool {
        let spectrumMatches: Bool
        switch cell.spectrum {
        case .powerLaw(let alpha): spectrumMatches = [0.5, 1, 2].contains(alpha)
        case .twoScale: spectrumMatches = true
        case .eigenvalueFile, .covarianceFile: spectrumMatches = false
        }
        return cell.process.name == ProcessConfiguration.referenceName && spectrumMatches
            && (cell.grid == .uniform || cell.grid == .power(2)) && [0, 0.5, 1].contains(cell.eta)
    }

    /// The spec's 24 default configurations.
    static let defaultFamily = ConvergenceScope(
        "a configuration of VP-linear × {pow:0.5, pow:1, pow:2, twoscale} × {uniform, power:2} × η ∈ {0, 0.5, 1}",
        includes: isDefaultFamily)

    /// The default family on power:2 grids.
    static let powerTwoGrids = ConvergenceScope(
        "a power:2 configuration of VP-linear × {pow:0.5, pow:1, pow:2, twoscale} × η ∈ {0, 0.5, 1}",
        includes: { isDefaultFamily($0) && $0.grid == .power(2) })

    /// A4's tighter set at K = 2560: power:2 with η ≥ 0.5, and two-scale/uniform/η = 0.
    static let ratioAt2560 = ConvergenceScope(
        "a VP-linear configuration power:2 × {pow:0.5, pow:1, pow:2, twoscale} × η ∈ {0.5, 1}, or twoscale/uniform/η = 0",
        includes: { cell in
            isDefaultFamily(cell)
                && ((cell.grid == .power(2) && cell.eta >= 0.5)
                    || (cell.grid == .uniform && cell.spectrum == .twoScale && cell.eta == 0))
        })

    /// The run's configurations in this scope, in run order (none if the parameters do not parse).
    func cells(_ parameters: ParameterSet) -> [ConvergenceCell] {
        ((try? ConvergenceStudy(parameters))?.cells ?? []).filter(includes)
    }

    /// The claim condition: the run has at least one configuration in this scope.
    var condition: ClaimCondition {
        typealias Declared = DiffusionDiscretizationExperiment
        return ClaimCondition(
            description: description,
            holds: { !cells($0).isEmpty },
            actual: { set in
                [
                    Declared.shown(Declared.processes, set), Declared.shown(Declared.spectra, set),
                    Declared.shown(Declared.grids, set), Declared.shown(Declared.etas, set),
                ].joined(separator: ", ")
            })
    }
}

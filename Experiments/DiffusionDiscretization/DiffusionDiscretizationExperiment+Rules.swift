import WorkbenchCore

extension DiffusionDiscretizationExperiment {
    /// Element rule for spectrum texts; also checks that files are readable and parse.
    static let spectrumRule: @Sendable (String) -> String? = { text in
        guard let spectrum = SpectrumSpecification(text) else {
            return "'\(text)' is not a spectrum; expected \(SpectrumSpecification.syntax)"
        }
        switch spectrum {
        case .eigenvalueFile, .covarianceFile:
            do throws(DiffusionDiscretizationError) {
                _ = try spectrum.eigenvalues(dimension: 1)
            } catch {
                return error.description
            }
            return nil
        case .powerLaw, .twoScale:
            return nil
        }
    }

    /// Element rule for grid texts.
    static let gridRule: @Sendable (String) -> String? = { text in
        TimeGrid(text) == nil ? "'\(text)' is not a grid; expected \(TimeGrid.syntax)" : nil
    }

    /// Cross-parameter rules, checked after every value passed its own constraint: the time
    /// windows `0 < ε < T` of each process (and `cosineT < 1`, where the cosine β diverges),
    /// `β_min ≤ β_max`, a Monte Carlo sample large enough for a covariance, and no two list
    /// entries with the same key label (`power:2` and `power:2.0` would name the same metrics).
    static let rules: [ParameterRule] = [
        exceeds(horizon, eps, message: "the horizon T must exceed eps"),
        ParameterRule(keys: [cosineHorizon.key, eps.key], description: "eps < cosineT < 1") { set in
            let (value, truncation) = (set[cosineHorizon], set[eps])
            return value > truncation && value < 1
                ? nil : "cosineT = \(value) must satisfy eps = \(truncation) < cosineT < 1"
        },
        exceeds(veHorizon, veEps, message: "veT must exceed veEps"),
        ParameterRule(keys: [betaMax.key, betaMin.key], description: "betaMin ≤ betaMax") { set in
            set[betaMax] >= set[betaMin] ? nil : "betaMax = \(set[betaMax]) must be ≥ betaMin = \(set[betaMin])"
        },
        ParameterRule(keys: [mcSamples.key, mcDimensions.key], description: "mcSamples > max(mcDimensions) + 1") {
            set in
            let needed = (set[mcDimensions].max() ?? 1) + 1
            return set[mcSamples] > needed
                ? nil
                : "mcSamples = \(set[mcSamples]) needs more than mcDimensions + 1 = \(needed) samples for a covariance"
        },
        distinctLabels(grids) { TimeGrid($0)?.label },
        distinctLabels(sweepGrids) { TimeGrid($0)?.label },
        distinctLabels(spectra) { SpectrumSpecification($0)?.label },
    ]

    /// `lower < upper`, naming `upper` (the window's far end) in the error.
    private static func exceeds(
        _ upper: Parameter<Double>, _ lower: Parameter<Double>, message: String
    ) -> ParameterRule {
        ParameterRule(keys: [upper.key, lower.key], description: "\(lower.key) < \(upper.key)") { set in
            set[upper] > set[lower] ? nil : "\(message) = \(set[lower]) (\(upper.key) = \(set[upper]))"
        }
    }

    /// No two entries of `list` with the same key label.
    private static func distinctLabels(
        _ list: Parameter<[String]>, _ label: @escaping @Sendable (String) -> String?
    ) -> ParameterRule {
        ParameterRule(keys: [list.key], description: "\(list.key) name distinct metrics") { set in
            var seen = Set<String>()
            for text in set[list] {
                let name = label(text) ?? text
                if !seen.insert(name).inserted {
                    return
                        "'\(text)' repeats the label '\(name)' of an earlier entry (each entry names its own metrics)"
                }
            }
            return nil
        }
    }
}

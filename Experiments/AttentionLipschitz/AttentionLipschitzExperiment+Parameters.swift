import Foundation
import WorkbenchCore

/// The typed parameter declarations, which are also the accessors (`context[Self.advRadii]`).
extension AttentionLipschitzExperiment {
    /// A list of at least one distinct integer `≥ low`.
    static func integers(atLeast low: Double) -> ParameterConstraint {
        .list(minCount: 1, element: .range(low: low, high: nil, lowIsExclusive: false), distinct: true)
    }

    /// A list of at least one distinct positive number.
    static let positiveList = ParameterConstraint.list(
        minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: true), distinct: true)

    /// `2, 7, 12, …, 97`: the adversarial grid of the authors' code.
    static let adversarialGrid = Array(stride(from: 2, through: 97, by: 5))

    static let lanczosCap = Parameter<Int>(
        "lanczosCap", default: 40, doc: "cap k on Golub–Kahan–Lanczos steps (stops earlier at 1e−8 relative change)",
        constraint: .range(low: 2, high: nil))
}

/// The `adversarial` part (C3, E2).
extension AttentionLipschitzExperiment {
    static let advDim = Parameter<Int>(
        "advDim", default: 16, doc: "dimension d of the synthetic heads (A, V with N(0, 1/d) entries)",
        constraint: .range(low: 2, high: nil))
    static let advHeads = Parameter<Int>(
        "advHeads", default: 4, doc: "heads H of the multi-head sum Σ_h f^h (head 0 carries the construction)",
        constraint: .atLeastOne)
    static let advRadii = Parameter<[Double]>(
        "advRadii", default: [6], doc: "radii R of the construction (A4/A5 read R = 6)", constraint: positiveList)
    static let advCounts = Parameter<[Int]>(
        "advCounts", default: adversarialGrid, doc: "token counts n (A5 reads n = 97)", constraint: integers(atLeast: 2)
    )
}

/// The `meanfield` part (C4, O8/O9).
extension AttentionLipschitzExperiment {
    static let mfRadii = Parameter<[Double]>(
        "mfRadii", default: [3, 4, 5], doc: "radii R of the two-cluster plateau (A = diag(1, 0), V = I)",
        constraint: positiveList)
    static let mfMaxExponent = Parameter<Int>(
        "mfMaxExponent", default: 16, doc: "token counts n = 2^1 … 2^this", constraint: .range(low: 2, high: 40))
    static let mfSizes = Parameter<Int>(
        "mfSizes", default: 60, doc: "log-spaced cluster sizes k in [1, n−1] searched per n", constraint: .atLeastOne)
    static let mfRatios = Parameter<Int>(
        "mfRatios", default: 37, doc: "ratios c = y₂/y₁ evenly spaced in [0.05, 0.95] searched", constraint: .atLeastOne
    )
    static let mfMasses = Parameter<Int>(
        "mfMasses", default: 200, doc: "log-spaced masses per tail of the two-atom mean-field sup (O9)",
        constraint: .range(low: 2, high: nil))
}

/// The `radius` part (C1, C7).
extension AttentionLipschitzExperiment {
    static let radRadii = Parameter<[Double]>(
        "radRadii", default: [0.5, 1, 2, 4, 8], doc: "radii R of the growth study", constraint: positiveList)
    static let radCounts = Parameter<[Int]>(
        "radCounts", default: [4], doc: "token counts n of the ascent against R", constraint: integers(atLeast: 1))
    static let radDim = Parameter<Int>(
        "radDim", default: 8, doc: "dimension d of the radius study's head", constraint: .range(low: 2, high: nil))
}

/// The `ascent` part (beyond the paper: worst cases by projected gradient ascent).
extension AttentionLipschitzExperiment {
    static let ascDim = Parameter<Int>(
        "ascDim", default: 8, doc: "dimension d of the ascent's head", constraint: .range(low: 2, high: nil))
    static let ascCounts = Parameter<[Int]>(
        "ascCounts", default: [4, 8, 16], doc: "token counts n searched", constraint: integers(atLeast: 2))
    static let ascRadius = Parameter<Double>(
        "ascRadius", default: 4, doc: "radius R of the ball B_Rⁿ searched", constraint: .positive)
    static let ascRestarts = Parameter<Int>(
        "ascRestarts", default: 3, doc: "restarts (the first from the C3 construction, the rest random)",
        constraint: .atLeastOne)
    static let ascSteps = Parameter<Int>(
        "ascSteps", default: 100, doc: "projected gradient steps per restart (step 0.05·R√n, decaying linearly)",
        constraint: .atLeastOne)
}

/// The `random-init` part (BERT-like random weights, E1d analogue, Cesàro effect).
extension AttentionLipschitzExperiment {
    static let riDim = Parameter<Int>(
        "riDim", default: 128, doc: "width d (tokens LayerNorm'd Gaussians, ‖x‖ = √d)",
        constraint: .range(low: 2, high: nil))
    static let riHeads = Parameter<Int>(
        "riHeads", default: 4, doc: "heads H (width d/H each, concatenated)", constraint: .atLeastOne)
    static let riStd = Parameter<Double>(
        "riStd", default: 0.0577, doc: "standard deviation σ of the W_q, W_k, W_v entries", constraint: .positive)
    static let riCounts = Parameter<[Int]>(
        "riCounts", default: [2, 4, 8, 16, 32, 64, 128, 256], doc: "token counts n (A11 reads n = 2 and 256)",
        constraint: integers(atLeast: 1))
    static let riSequences = Parameter<Int>(
        "riSequences", default: 3, doc: "random inputs per n (the series is their mean)", constraint: .atLeastOne)
}

/// The `pretrained` part (MiniLM-L6 on real text).
extension AttentionLipschitzExperiment {
    static let defaultCorpus = "/usr/share/common-licenses/GPL-3"
    static let paperCorpus = ["GPL-3", "GPL-2", "Apache-2.0", "LGPL-2.1", "MPL-2.0"].map {
        "/usr/share/common-licenses/" + $0
    }

    static let corpus = Parameter<[String]>(
        "corpus", default: [defaultCorpus],
        doc: "text files concatenated into the real-text corpus (cut into consecutive n-token chunks, wrapping)",
        constraint: .list(
            minCount: 1,
            element: .rule(description: "a readable text file") { path in
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isReadableFile(atPath: path)
                else { return "cannot read the file '\(path)'" }
                return nil
            }, distinct: false))
    static let ptLayers = Parameter<[Int]>(
        "ptLayers", default: [0, 3], doc: "MiniLM layers l (input = the hidden state entering layer l)",
        constraint: .list(minCount: 1, element: .range(low: 0, high: 5, lowIsExclusive: false), distinct: true))
    static let ptCounts = Parameter<[Int]>(
        "ptCounts", default: [4, 8, 16, 32, 64], doc: "chunk lengths n of the real-text runs",
        constraint: integers(atLeast: 2))
    static let ptSequences = Parameter<Int>(
        "ptSequences", default: 4, doc: "chunks per n (the series is their mean)", constraint: .atLeastOne)
    static let ptFitMax = Parameter<Int>(
        "ptFitMax", default: 128, doc: "real-text exponents are fitted over n ≤ this",
        constraint: .range(low: 2, high: nil))
    static let ptRadii = Parameter<[Double]>(
        "ptRadii", default: [12], doc: "radii R of the construction on MiniLM heads L0H0 and L3H7",
        constraint: positiveList)
    static let ptAdvCounts = Parameter<[Int]>(
        "ptAdvCounts", default: [2, 12, 22, 32, 47, 62, 77, 97],
        doc: "token counts n of the construction on MiniLM heads (A5-style check at the largest)",
        constraint: integers(atLeast: 2))
}

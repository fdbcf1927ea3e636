import Foundation
import WorkbenchCore
import WorkbenchNumerics

/// The `pretrained` part: all-MiniLM-L6-v2 on real text (C8, E1a/E1b analogues) and the
/// construction on its heads (E2 analogue).
///
/// - Plumbing (A12): `pt.a12.tokens` (1 when "A man is eating food." gives the reference ids),
///   `pt.a12.embedding_dev` (max deviation of the embedding-LN [CLS] row's first 4 entries from
///   the reference), `pt.a12.cosine` (sentence-embedding cosine of the "man eating" pair).
/// - Real text: the corpus files concatenated, tokenised without [CLS]/[SEP] and cut into
///   chunks of n consecutive tokens (chunk s starts at token s·n, wrapping), each run as its own
///   sequence (positions 0…n−1). At the input of each layer in ptLayers (unmasked forward pass)
///   the 12-head `attention.self` concatenation with its query bias is differentiated, unmasked
///   and causal: `pt.L{layer}.{mask}.sigma` (mean over chunks) and `pt.L{layer}.rmax` (largest
///   token norm) against n, the fitted exponents over n ≤ ptFitMax with their 95 % intervals
///   (`….exponent`, `….exponent_low`, `….exponent_high`), the LayerNorm radius bound
///   `pt.L{layer}.ln_radius`, and the part's bound ratios.
/// - Construction on heads L0H0 and L3H7 at each radius: single head `pt.adv.L{layer}H{head}.R{R}.single`,
///   its `….ratio` = σ/(‖V‖√m), and the whole layer's concatenation `….all`, against n.
struct PretrainedStudy {
    let context: RunContext

    static let referenceSentence = "A man is eating food."
    static let referenceIds = [101, 1037, 2158, 2003, 5983, 2833, 1012, 102]
    static let referenceEmbeddingRow = [-0.176568, -0.048236, 0.037698, -0.015718]
    static let comparedSentence = "A man is eating a piece of bread."
    static let constructionHeads = [(layer: 0, head: 0), (layer: 3, head: 7)]

    func load() throws -> (MiniLMModel, WordPieceTokenizer) {
        let weights = try context.input("weights")
        let vocabulary = try context.input("vocabulary")
        let file: SafetensorsFile
        do {
            file = try SafetensorsFile(url: weights.url)
        } catch {
            throw ExperimentError.failed("weights file \(weights.url.path): \(error)")
        }
        let model: MiniLMModel
        do {
            model = try MiniLMModel(file: file)
        } catch {
            throw ExperimentError.failed("weights file \(weights.url.path) is not all-MiniLM-L6-v2: \(error)")
        }
        let text = try String(contentsOf: vocabulary.url, encoding: .utf8)
        return (model, try WordPieceTokenizer(vocabularyText: text))
    }

    func run() throws -> [LipschitzRow] {
        let (model, tokenizer) = try load()
        try plumbing(model, tokenizer)
        let rows = try realText(model, tokenizer)
        try construction(model)
        return rows
    }

    func plumbing(_ model: MiniLMModel, _ tokenizer: WordPieceTokenizer) throws {
        let ids = tokenizer.encode(Self.referenceSentence, special: true)
        try context.record("pt.a12.tokens", ids == Self.referenceIds ? 1 : 0)
        let embedded = try model.embed(ids)
        let deviation = zip(embedded.column(0).prefix(4), Self.referenceEmbeddingRow).map { abs($0 - $1) }.max() ?? .nan
        try context.record("pt.a12.embedding_dev", deviation)
        let a = try model.sentenceEmbedding(ids)
        let b = try model.sentenceEmbedding(tokenizer.encode(Self.comparedSentence, special: true))
        try context.record("pt.a12.cosine", BLAS.dot(a, b))
    }

    /// The corpus token ids.
    func corpus(_ tokenizer: WordPieceTokenizer) throws -> [Int] {
        var ids: [Int] = []
        for path in context[AttentionLipschitzExperiment.corpus] {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ExperimentError.failed("corpus: cannot read \(path): \(error.localizedDescription)")
            }
            ids += tokenizer.encode(text)
        }
        guard !ids.isEmpty else { throw ExperimentError.failed("corpus: the files hold no token") }
        return ids
    }

    func realText(_ model: MiniLMModel, _ tokenizer: WordPieceTokenizer) throws -> [LipschitzRow] {
        let ids = try corpus(tokenizer)
        try context.record("pt.corpus_tokens", Double(ids.count))
        let layers = context[AttentionLipschitzExperiment.ptLayers].sorted()
        let counts = context[AttentionLipschitzExperiment.ptCounts].sorted()
        let sequences = context[AttentionLipschitzExperiment.ptSequences]
        let cap = context[AttentionLipschitzExperiment.lanczosCap]
        let lastLayer = layers.last ?? 0
        let norms = try layers.map { l in try model.heads(layer: l).map { (try $0.bilinearNorm(), try $0.valueNorm()) }
        }
        let attentions = layers.map { model.selfAttention(layer: $0) }
        let jobs = counts.flatMap { n in (0..<sequences).map { (n: n, sequence: $0) } }
        let results = try context.parallelMap(jobs.count) { index -> [(LipschitzRow, Double, Double)] in
            let job = jobs[index]
            let chunk = (0..<job.n).map { ids[(job.sequence * job.n + $0) % ids.count] }
            let inputs = try model.layerInputs(chunk, upTo: lastLayer)
            var rows: [(LipschitzRow, Double, Double)] = []
            for (position, layer) in layers.enumerated() {
                let x = inputs[layer]
                let radii = LocalConstant.radii(x)
                let bound = LipschitzBounds.combine(
                    zip(attentions[position].heads, norms[position]).map {
                        LipschitzBounds(head: $0.0, tokens: x, normA: $0.1.0, normV: $0.1.1)
                    })
                for causal in [false, true] {
                    var generator = context.random("pretrained", "start", .of(index), .of(layer), .of(causal ? 1 : 0))
                    let state = attentions[position].masked(causal).linearised(at: x)
                    let estimate = try LocalConstant.estimate(state, generator: &generator, maximumSteps: cap)
                    let row = LipschitzRow(
                        part: "pretrained", model: "all-MiniLM-L6-v2", layer: layer, head: "all", masked: causal,
                        n: job.n, sequence: job.sequence, rms: radii.rms, maximum: radii.max, value: estimate.value,
                        iterations: estimate.iterations)
                    rows.append((row, estimate.value / bound.paper, estimate.value / bound.simple))
                }
            }
            return rows
        }.flatMap { $0 }
        let fitMax = Double(context[AttentionLipschitzExperiment.ptFitMax])
        for layer in layers {
            try context.record(MetricKey("pt", .integer("L", layer), "ln_radius"), model.inputRadiusBound(layer: layer))
            for n in counts {
                let rows = results.map(\.0).filter { $0.layer == layer && $0.n == n }
                try context.record(
                    MetricKey("pt", .integer("L", layer), "rmax"), x: Double(n), rows.map(\.maximum).max() ?? .nan)
            }
            for causal in [false, true] {
                let mask = causal ? "causal" : "unmasked"
                var points: [(Double, Double)] = []
                for n in counts {
                    let rows = results.map(\.0).filter { $0.layer == layer && $0.n == n && $0.masked == causal }
                    let mean = rows.reduce(0) { $0 + $1.value } / Double(rows.count)
                    points.append((Double(n), mean))
                    try context.record(Self.key(layer, mask, "sigma"), x: Double(n), mean)
                }
                let fitted = points.filter { $0.0 <= fitMax }
                if let fit = LinearFit.powerLaw(x: fitted.map(\.0), y: fitted.map(\.1)) {
                    try context.record(Self.key(layer, mask, "exponent"), fit.slope)
                    try context.record(Self.key(layer, mask, "exponent_low"), fit.confidenceLow)
                    try context.record(Self.key(layer, mask, "exponent_high"), fit.confidenceHigh)
                }
            }
        }
        try context.record(
            BoundRatios.key("pretrained", "paper"), results.map { $0.1 }.maximumPropagatingNaN() ?? .nan)
        try context.record(
            BoundRatios.key("pretrained", "simple"), results.map { $0.2 }.maximumPropagatingNaN() ?? .nan)
        return results.map(\.0)
    }

    static func key(_ layer: Int, _ mask: String, _ name: String) -> MetricKey {
        MetricKey("pt", .integer("L", layer), .text("mask", mask), .name(name))
    }

    static func constructionKey(_ layer: Int, _ head: Int, _ radius: Double, _ name: String) -> MetricKey {
        MetricKey("pt.adv", .integer("L", layer), .integer("H", head), .number("R", radius), .name(name))
    }

    /// The C3 construction on MiniLM heads (`.paper` rule on the dense 384 × 384 `A`).
    func construction(_ model: MiniLMModel) throws {
        let radii = context[AttentionLipschitzExperiment.ptRadii]
        let counts = context[AttentionLipschitzExperiment.ptAdvCounts].sorted()
        let cap = context[AttentionLipschitzExperiment.lanczosCap]
        for (layer, headIndex) in Self.constructionHeads {
            let attention = model.selfAttention(layer: layer)
            let head = attention.heads[headIndex]
            let a = head.bilinearForm
            let built = try AdversarialConstruction(bilinearForm: a, rule: .paper)
            guard let construction = try built ?? AdversarialConstruction(bilinearForm: a, rule: .symmetric) else {
                continue
            }
            let normV = try head.valueNorm()
            try context.record(
                Self.constructionKey(layer, headIndex, radii[0], "gamma"), construction.gap(radius: radii[0]))
            let jobs = radii.flatMap { radius in counts.map { (radius: radius, n: $0) } }
            _ = try context.parallelMap(jobs.count) { index in
                let job = jobs[index]
                let x = construction.tokens(count: job.n, radius: job.radius)
                var generator = context.random("pretrained", "construction", .of(layer), .of(index))
                let single = try LocalConstant.estimate(
                    head.linearised(at: x), generator: &generator, maximumSteps: cap)
                let all = try LocalConstant.estimate(
                    attention.linearised(at: x), generator: &generator, maximumSteps: cap)
                let m = Double(construction.referenceLength(count: job.n, causal: false))
                let n = Double(job.n)
                try context.record([
                    MetricPoint(Self.constructionKey(layer, headIndex, job.radius, "single"), x: n, single.value),
                    MetricPoint(
                        Self.constructionKey(layer, headIndex, job.radius, "ratio"), x: n,
                        single.value / (normV * m.squareRoot())),
                    MetricPoint(Self.constructionKey(layer, headIndex, job.radius, "all"), x: n, all.value),
                ])
            }
        }
    }
}

import Foundation
import Testing
import WorkbenchCore
import WorkbenchNumerics

@testable import AttentionLipschitz

/// Spec A12 with the real all-MiniLM-L6-v2 files, which `scripts/test` fetches before the tests
/// (`workbench fetch attention-lipschitz`); a missing file is a failure, not a skip.
@Suite("MiniLM weights", .serialized)
struct PretrainedWeightsTests {
    static func files() throws -> (SafetensorsFile, WordPieceTokenizer) {
        let location = InputLocation(environment: ProcessInfo.processInfo.environment)
        let experiment = AttentionLipschitzExperiment().descriptor
        var urls: [URL] = []
        for input in experiment.inputs {
            switch InputResolver.resolve(one: input, experiment: experiment.id, location: location) {
            case .success(let file): urls.append(file.url)
            case .failure(let problem):
                Issue.record("\(problem)")
                throw problem
            }
        }
        let text = try String(contentsOf: urls[1], encoding: .utf8)
        return (try SafetensorsFile(url: urls[0]), try WordPieceTokenizer(vocabularyText: text))
    }

    @Test("A12: token ids, the GPL-3 opening, the embedding-LN [CLS] row and the sentence cosine 0.75534")
    func plumbing() throws {
        let (file, tokenizer) = try Self.files()
        #expect(file.entries.count == 104)
        #expect(tokenizer.vocabulary.count == 30522)
        #expect(
            tokenizer.encode("A man is eating food.", special: true) == [101, 1037, 2158, 2003, 5983, 2833, 1012, 102])
        let gpl = try String(contentsOfFile: AttentionLipschitzExperiment.defaultCorpus, encoding: .utf8)
        let ids = tokenizer.encode(gpl)
        #expect(Array(ids.prefix(6)) == [27004, 2236, 2270, 6105, 2544, 1017])
        #expect(ids.count == 6840)
        let model = try MiniLMModel(file: file)
        let row = try model.embed(tokenizer.encode("Anything", special: true)).column(0)
        // The spec's values have 6 decimals: rounding leaves at most 5e−7.
        for (value, reference) in zip(row, [-0.176568, -0.048236, 0.037698, -0.015718]) {
            #expect(abs(value - reference) <= 5e-7)
        }
        let a = try model.sentenceEmbedding(tokenizer.encode("A man is eating food.", special: true))
        let b = try model.sentenceEmbedding(tokenizer.encode("A man is eating a piece of bread.", special: true))
        #expect(abs(BLAS.dot(a, b) - 0.75534) <= 1e-4)
    }

    @Test("MiniLM head L0H0: ‖W_v‖ = 1.54690 and the construction gives L(97) = 1.54690·√96 (spec O5)")
    func constructionOnHead() throws {
        let (file, _) = try Self.files()
        let model = try MiniLMModel(file: file)
        let head = model.heads(layer: 0)[0]
        let normV = try head.valueNorm()
        #expect(abs(normV - 1.54690) <= 5e-6)
        let construction = try #require(try AdversarialConstruction(bilinearForm: head.bilinearForm, rule: .paper))
        let x = construction.tokens(count: 97, radius: 12)
        var generator = RandomStream.generator(seed: 0, path: ["minilm"])
        let estimate = try LocalConstant.estimate(head.linearised(at: x), generator: &generator, maximumSteps: 40)
        let m = Double(construction.referenceLength(count: 97, causal: false))
        #expect(m == 96)
        #expect(abs(estimate.value / (normV * m.squareRoot()) - 1) <= 1e-6)
        // The factored ‖A‖ equals the dense one.
        #expect(
            abs(try head.bilinearNorm() - (try head.bilinearForm.spectralNorm())) <= 1e-10 * (try head.bilinearNorm()))
    }
}

import Testing

@testable import WorkbenchCore

@Suite("Typed parameters, list rules and cross-parameter rules")
struct TypedParameterTests {
    static let dimension = Parameter<Int>("dimension", default: 8, doc: "d", constraint: .atLeastOne)
    static let eps = Parameter<Double>("eps", default: 1e-3, doc: "ε", constraint: .positive)
    static let horizon = Parameter<Double>("T", default: 1, doc: "T", constraint: .positive)
    static let etas = Parameter<[Double]>(
        "etas", default: [0, 0.5, 1], doc: "η",
        constraint: .list(minCount: 1, element: .range(low: 0, high: nil, lowIsExclusive: false), distinct: true))
    static let grids = Parameter<[String]>("grids", default: ["uniform"], doc: "grids")
    static let verbose = Parameter<Bool>("verbose", default: false, doc: "v")

    static var descriptor: ExperimentDescriptor {
        ExperimentDescriptor(
            id: "typed", title: "t", paper: PaperReference(authors: "a", title: "t", venue: "v"), summary: "",
            parameters: [dimension, eps, horizon, etas, grids, verbose],
            presets: [Preset("paper", summary: "big", [dimension.set(64), etas.set([0, 1])])],
            parts: [
                ExperimentPart("one", summary: "first", parameters: [dimension]) { _ in },
                ExperimentPart("two", summary: "second", parameters: [eps]) { _ in },
            ],
            metrics: [], rules: [.ordered(eps, horizon), .elements(of: etas, below: horizon, strict: false)])
    }

    func resolve(_ assignments: [String], preset: String = "quick") throws(UsageError) -> ParameterSet {
        try ParameterResolver.resolve(Self.descriptor, preset: preset, assignments: assignments)
    }

    @Test("the declaration reads the typed value: defaults, presets and the command line")
    func typedAccess() throws {
        let defaults = try resolve([])
        #expect(defaults[Self.dimension] == 8)
        #expect(defaults[Self.etas] == [0, 0.5, 1])
        #expect(defaults[Self.verbose] == false)
        let paper = try resolve(["eps=0.01", "grids=uniform,power:2"], preset: "paper")
        #expect(paper[Self.dimension] == 64)
        #expect(paper[Self.etas] == [0, 1])
        #expect(paper[Self.eps] == 0.01)
        #expect(paper[Self.grids] == ["uniform", "power:2"])
    }

    @Test("untyped storage is unchanged: kinds, canonical text and the configuration hash")
    func storageUnchanged() throws {
        let set = try resolve([])
        let untyped = ParameterSet([
            "parts": .textList(["one", "two"]), "dimension": .int(8), "eps": .real(1e-3), "T": .real(1),
            "etas": .realList([0, 0.5, 1]), "grids": .textList(["uniform"]), "verbose": .bool(false),
        ])
        #expect(set == untyped)
        #expect(set.configHash(experiment: "typed") == untyped.configHash(experiment: "typed"))
        #expect(Self.etas.spec.kind == .realList)
    }

    @Test("a repeated list element is a usage error naming the parameter and the element")
    func distinctElements() {
        #expect(throws: UsageError("parameter 'etas': '0.5' is listed twice")) {
            try resolve(["etas=0.5,1,0.5"])
        }
        #expect(throws: UsageError("parameter 'parts': 'one' is listed twice")) {
            try resolve(["parts=one,one"])
        }
    }

    @Test("cross-parameter rules name the first parameter, the rule and the values")
    func rules() {
        #expect(
            throws: UsageError("parameter 'eps': eps = 2.0 must be < T = 1.0 (rule: eps < T)")
        ) { try resolve(["eps=2"]) }
        #expect(
            throws: UsageError(
                "parameter 'etas': etas contains 3.0, which is not ≤ T = 2.0 (rule: every etas ≤ T)")
        ) { try resolve(["etas=0,3", "T=2"]) }
        #expect((try? resolve(["eps=0.5", "T=2", "etas=0,2"])) != nil)
    }

    @Test("parts= is added by the core: all parts by default, declaration order, choices named")
    func partsParameter() throws {
        #expect(Self.descriptor.selectedParts(try resolve([])).map(\.name) == ["one", "two"])
        #expect(Self.descriptor.selectedParts(try resolve(["parts=two,one"])).map(\.name) == ["one", "two"])
        #expect(Self.descriptor.selectedParts(try resolve(["parts=two"])).map(\.name) == ["two"])
        do {
            _ = try resolve(["parts=three"])
            Issue.record("an unknown part must be refused")
        } catch {
            #expect(error.validChoices == ["one", "two"])
        }
    }

    @Test("a misspelt key gets the closest declared word")
    func closestWord() {
        do {
            _ = try resolve(["dimenson=3"])
            Issue.record("an unknown key must be refused")
        } catch {
            #expect(error.message.contains("did you mean 'dimension'?"))
        }
        #expect(ClosestWord.suggestion(for: "zzzzzz", among: ["dimension", "eps"]) == nil)
        #expect(
            throws: UsageError(
                "parameter 'parts': 'twoo' is not accepted (unknown value; did you mean 'two'?)",
                validChoices: ["one", "two"])
        ) {
            try resolve(["parts=twoo"])
        }
        #expect(ClosestWord.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(ClosestWord.editDistance(Array("rnu"), Array("run")) == 1)
        #expect(ClosestWord.editDistance(Array(""), Array("abc")) == 3)
    }
}

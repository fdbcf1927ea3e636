import Foundation

/// One swept parameter: its key and the values it takes, as canonical texts in the order given.
public struct SweepAxis: Sendable, Equatable, Codable {
    public let key: String
    public let values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }
}

/// What a sweep runs: an experiment at a preset with fixed `key=value` assignments, the
/// Cartesian product of its axes, each configuration at every seed.
///
/// Cells are numbered with the first axis outermost and the seed innermost: cell
/// `((i₁·n₂ + i₂)·… )·S + s` has value `i_a` of axis `a` and the `s`-th seed. Stored as JSON in
/// `sweeps.spec`.
public struct SweepSpecification: Sendable, Equatable, Codable {
    public let experiment: String
    public let preset: String
    /// Assignments shared by every cell, as typed (`etas=0,0.5,1` is one list value).
    public let fixed: [String]
    public let axes: [SweepAxis]
    public let seeds: [UInt64]

    public init(experiment: String, preset: String, fixed: [String], axes: [SweepAxis], seeds: [UInt64]) {
        self.experiment = experiment
        self.preset = preset
        self.fixed = fixed
        self.axes = axes
        self.seeds = seeds
    }

    /// Number of cells: the product of the axes' sizes times the number of seeds.
    public var cellCount: Int { axes.reduce(seeds.count) { $0 * $1.values.count } }

    /// The swept assignments and seed of cell `index`.
    public func cell(_ index: Int) -> (assignments: [(key: String, value: String)], seed: UInt64) {
        var rest = index / seeds.count
        var assignments: [(key: String, value: String)] = []
        for axis in axes.reversed() {
            assignments.append((axis.key, axis.values[rest % axis.values.count]))
            rest /= axis.values.count
        }
        return (assignments.reversed(), seeds[index % seeds.count])
    }

    /// The cell's swept assignments as a JSON object with sorted keys (`sweep_cells.parameters`).
    public func parametersJSON(_ index: Int) -> String {
        let object = Dictionary(uniqueKeysWithValues: cell(index).assignments.map { ($0.key, $0.value) })
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The full command-line assignments of cell `index`: the fixed ones, then the swept ones.
    public func assignments(_ index: Int) -> [String] {
        fixed + cell(index).assignments.map { "\($0.key)=\($0.value)" }
    }

    /// The specification as JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Decodes ``json()`` text.
    public static func decode(_ text: String) throws -> SweepSpecification {
        try JSONDecoder().decode(SweepSpecification.self, from: Data(text.utf8))
    }
}

import WorkbenchCore

extension CountStudy {
    /// The summary rows of the architecture list.
    func recordSummaries(_ counts: [ConservationLawCount], context: RunContext) throws {
        var points = [
            MetricPoint("count.n_archs", Double(counts.count)),
            MetricPoint("count.all_match", counts.allSatisfy { $0.lawCount == $0.closedForm } ? 1 : 0),
            MetricPoint("count.modp_float_agree_all", counts.allSatisfy(\.exactAndFloatAgree) ? 1 : 0),
            MetricPoint("count.min_gap_log10", counts.map(\.best.gapLog10).minimumPropagatingNaN() ?? .nan),
            MetricPoint("count.known_orthogonal_all", counts.allSatisfy(\.knownLawsOrthogonal) ? 1 : 0),
            MetricPoint("count.capped_archs", Double(counts.filter(\.best.capped).count)),
            MetricPoint("count.eval_points", Double(pointCount)),
            MetricPoint("count.prime_bits", 61),
        ]
        let regular = counts.filter {
            $0.knownLawCount != nil && !ClosedFormCounts.isScalarDeepLinearException($0.architecture)
        }
        points.append(
            MetricPoint("count.known_agree_all", regular.allSatisfy { $0.lawCount == $0.knownLawCount } ? 1 : 0))
        let relu = counts.filter { if case .relu = $0.architecture { return true } else { return false } }
        if !relu.isEmpty {
            let holds = relu.allSatisfy { count in
                let expected = count.dimension - ClosedFormCounts.lawCount(count.architecture)
                return count.best.levels.first == expected && count.lieDimension == expected && count.best.depth == 0
            }
            points.append(MetricPoint("count.relu_no_brackets", holds ? 1 : 0))
        }
        let exceptions = counts.filter { ClosedFormCounts.isScalarDeepLinearException($0.architecture) }
        if !exceptions.isEmpty {
            let holds = exceptions.allSatisfy { count in
                count.lawCount == count.dimension - 1 && count.lawCount > (count.knownLawCount ?? .max)
            }
            points.append(MetricPoint("count.exceptions_confirmed", holds ? 1 : 0))
        }
        try context.record(points)
    }

    /// The 2-layer linear grid `n, m ∈ 1…gridMaxWidth`, `r ∈ 1…gridMaxRank`: `N = L(n, r, m)`,
    /// `dim W = s(c − s)`, at most one bracket level (none when `s(c − s) = dim Lie`), and the
    /// matrix algebra of the `A_ij` of dimension `c(c − 1)/2`.
    func runGrid(_ context: RunContext) throws {
        var grid = [(n: Int, r: Int, m: Int)]()
        for n in 1...gridMaxWidth {
            for m in 1...gridMaxWidth {
                for r in 1...gridMaxRank { grid.append((n, r, m)) }
            }
        }
        let shapes = grid
        let outcomes = try context.parallelMap(shapes.count) { index -> (Bool, Bool, Bool) in
            let (n, r, m) = shapes[index]
            let architecture = ArchitectureSpec.linear(widths: [n, r, m])
            var unused = context.random("grid", "model")
            let model = try FactorizedModel(architecture, random: &unused)
            let count = try ConservationLawCount.compute(model, settings: settings, pointCount: pointCount) { point in
                context.random("grid", .label(architecture.description), .of(point))
            }
            let closedForm = ClosedFormCounts.twoLayerLinear(n, r, m)
            let generatorRank = count.best.levels.first ?? 0
            let arch = architecture.description
            try context.record([
                MetricPoint(CountMetricKeys.grid(arch, "n_laws"), Double(count.lawCount)),
                MetricPoint(CountMetricKeys.grid(arch, "rank_W"), Double(generatorRank)),
                MetricPoint(CountMetricKeys.grid(arch, "dim_lie"), Double(count.lieDimension)),
                MetricPoint(CountMetricKeys.grid(arch, "depth"), Double(count.best.depth)),
                MetricPoint(CountMetricKeys.grid(arch, "closed_form"), Double(closedForm)),
            ])
            let expectedRank = ClosedFormCounts.twoLayerLinearGeneratorRank(n, r, m)
            let depthOK = count.best.depth <= (expectedRank == count.lieDimension ? 0 : 1)
            return (count.lawCount == closedForm, generatorRank == expectedRank, depthOK)
        }
        var algebraMatches = 0
        var algebraPoints = [MetricPoint]()
        for n in 1...gridMaxWidth {
            for m in 1...gridMaxWidth {
                let dimension = MatrixLieAlgebra.dimension(outputs: n, inputs: m)
                let c = n + m
                if dimension == c * (c - 1) / 2 { algebraMatches += 1 }
                algebraPoints.append(
                    MetricPoint(MetricKey("grid.matrix_lie", .integer("n", n), .integer("m", m)), Double(dimension)))
            }
        }
        let total = Double(outcomes.count)
        try context.record(
            algebraPoints + [
                MetricPoint("grid.cases", total),
                MetricPoint("grid.n_laws_match", Double(outcomes.filter(\.0).count) / total),
                MetricPoint("grid.rank_W_match", Double(outcomes.filter(\.1).count) / total),
                MetricPoint("grid.depth_ok", Double(outcomes.filter(\.2).count) / total),
                MetricPoint("grid.matrix_lie_match", Double(algebraMatches) / Double(gridMaxWidth * gridMaxWidth)),
            ])
    }
}

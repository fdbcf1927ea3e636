import WorkbenchNumerics

/// The extra random architectures of the `count` part: each is linear or ReLU with probability
/// ½, of depth `q ∈ {2, 3}` and widths in `{2, 3, 4}`; a ReLU net has hidden biases with
/// probability ½. Draws that repeat an architecture already listed are skipped (at most 100
/// draws per architecture asked for).
enum RandomArchitectures {
    static func draw(_ count: Int, excluding listed: [ArchitectureSpec], random: inout Xoshiro256StarStar)
        -> [ArchitectureSpec]
    {
        var seen = Set(listed)
        var drawn = [ArchitectureSpec]()
        var attempts = 0
        while drawn.count < count, attempts < 100 * count {
            attempts += 1
            let depth = 2 + Int(random.nextBounded(2))
            let widths = (0...depth).map { _ in 2 + Int(random.nextBounded(3)) }
            let isLinear = random.nextBounded(2) == 0
            let bias = random.nextBounded(2) == 0
            let architecture: ArchitectureSpec = isLinear ? .linear(widths: widths) : .relu(widths: widths, bias: bias)
            if seen.insert(architecture).inserted { drawn.append(architecture) }
        }
        return drawn
    }
}

/// Derivation of independent, reproducible generator streams from a master seed and a task path.
///
/// A stream is identified by the run's seed plus a list of labels and indices, e.g.
/// `("moments", hIndex, nIndex, rep)`. Each component is folded into a 64-bit key with
/// SplitMix64 finalisation, so nearby paths give unrelated states. The mapping is part of the
/// reproducibility contract: changing it changes every recorded random result.
public enum RandomStream {
    /// A generator for `(seed, path…)`: starting from `key = seed`, each component `c` updates
    /// `key ← SplitMix64(seed: key ⊕ bits(c)).next()`; the result seeds ``Xoshiro256StarStar``.
    /// Text labels are hashed with FNV-1a (see ``RandomStreamKey``).
    public static func generator(seed: UInt64, _ path: RandomStreamKey...) -> Xoshiro256StarStar {
        generator(seed: seed, path: path)
    }

    /// A generator for `(seed, path)`.
    public static func generator(seed: UInt64, path: [RandomStreamKey]) -> Xoshiro256StarStar {
        var key = seed
        for component in path {
            var mixer = SplitMix64(seed: key ^ component.bits)
            key = mixer.next()
        }
        return Xoshiro256StarStar(seed: key)
    }
}

import WorkbenchNumerics

/// Counts the bytes of the activation buffers an algorithm keeps alive across layers (stored
/// states, the cotangent, the reconstructed state), and their peak.
///
/// Weights, gradients and per-layer temporaries (a residual's `K1`, `Z`, `H`, freed before the
/// next layer) are not counted (spec §5.3, E4): with untied weights those grow with N under both
/// methods, and `ru_maxrss` only rises, so neither measures what the adjoint saves.
struct ActivationArena: Sendable {
    /// Bytes currently held.
    private(set) var current = 0
    /// Largest value of ``current`` so far.
    private(set) var peak = 0

    /// Registers `matrix` as kept (8 bytes per entry).
    mutating func hold(_ matrix: Matrix) {
        current += matrix.storage.count * MemoryLayout<Double>.size
        peak = max(peak, current)
    }

    /// Registers that `matrix` is no longer kept.
    mutating func release(_ matrix: Matrix) {
        current -= matrix.storage.count * MemoryLayout<Double>.size
    }
}

/// A shape problem in an attention call, found before any work is done.
public enum AttentionError: Error, Equatable, CustomStringConvertible {
    /// Two operands that must agree in one dimension do not.
    case shapeMismatch(String)
    /// Attention needs at least one key/value token.
    case noTokens

    public var description: String {
        switch self {
        case .shapeMismatch(let detail): return "attention shape mismatch: \(detail)"
        case .noTokens: return "attention needs at least one key/value token"
        }
    }
}

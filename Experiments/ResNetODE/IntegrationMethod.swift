/// The one-step scheme of a residual network's layers: `euler` (the ResNet) or `heun`
/// (``ResidualNetwork``; `nodes` convention).
enum IntegrationMethod: String, CaseIterable, Sendable {
    case euler
    case heun
}

import WorkbenchNumerics

extension TwoLayerNetwork {
    /// `factor · self`.
    func scaled(_ factor: Double) -> TwoLayerNetwork {
        TwoLayerNetwork(activation: activation, u: factor * u, v: factor * v, b: b.map { factor * $0 })
    }
}

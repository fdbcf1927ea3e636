/// One forward process of a run, with its time window and the scale applied to the data
/// spectrum (VE runs use `σ_data² = 0.25` by default).
struct ProcessConfiguration: Sendable, Equatable {
    /// The parameter spelling (`vp-linear`, `vp-cosine`, `ve-edm`), also the metric-key component.
    let name: String
    let setting: DiffusionSetting
    /// Factor applied to every eigenvalue of the data spectrum.
    let lambdaScale: Double
}

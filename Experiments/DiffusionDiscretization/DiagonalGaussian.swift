/// A Gaussian law whose covariance is diagonal in the data eigenbasis `U`:
/// `N(U·mean, U·diag(variance)·Uᵀ)`, stored by its eigen-coordinates.
struct DiagonalGaussian: Sendable, Equatable {
    /// Mean in eigen-coordinates (`ν`-space), length `d`.
    var mean: [Double]
    /// Variances along the eigen-directions, length `d`.
    var variance: [Double]
}

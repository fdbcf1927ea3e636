import Testing

@testable import DiffusionDiscretization

/// Oracles of spec §3.3–§3.5 for the first-order constants.
@Suite("First-order constants by quadrature")
struct FirstOrderConstantsTests {
    /// Spec §3.4, "more digits" row (VP-linear, uniform grid, μ = 0).
    /// Tolerance 1e-6 relative (spec A3); absolute 1e-10 where C = 0.
    @Test(
        "C(λ) for VP-linear, uniform grid",
        arguments: [
            (0.0, 1e-4, 1.0405630007e-02), (0.0, 1e-2, -1.4003304350e-01),
            (0.0, 0.5, -9.6842687426e-02), (0.0, 3, -1.75163181),
            (1.0, 1e-4, 5.98984124e-02), (1.0, 1e-2, 6.36833864e-02), (1.0, 0.5, 7.198190809e-01),
            (1.0, 1, 1.3966138011), (1.0, 3, 3.0273583109),
            (0.5, 1, 0.5796), (2.0, 10, 12.08),
        ])
    func kernelValues(eta: Double, lambda: Double, expected: Double) {
        let quadrature = FirstOrderQuadrature(setting: TestSettings.vpLinear, grid: .uniform)
        let c = quadrature.constants(lambda: lambda, eta: eta).variance
        // The last two rows come from the 4-significant-digit table.
        let tolerance = expected == 0.5796 || expected == 12.08 ? 1e-3 : 1e-6
        #expect(TestSettings.relativeError(c, expected) < tolerance)
    }

    @Test("C(1) = 0 for the VP Euler-ODE (absolute 1e-10)")
    func exactDirectionHasZeroConstant() {
        for setting in [TestSettings.vpLinear, TestSettings.vpCosine] {
            for grid in [TimeGrid.uniform, .power(2), .edm(7)] {
                let c = FirstOrderQuadrature(setting: setting, grid: grid).constants(lambda: 1, eta: 0)
                #expect(abs(c.variance) < 1e-10)
            }
        }
        let ve = FirstOrderQuadrature(setting: TestSettings.veEDM, grid: .edm(7))
        #expect(abs(ve.constants(lambda: 0, eta: 0).variance) < 1e-10)
    }

    @Test("κ(λ) values of the §3.4 table (4 significant digits)")
    func kappaTable() {
        let quadrature = FirstOrderQuadrature(setting: TestSettings.vpLinear, grid: .uniform)
        let cases: [(Double, Double, Double)] = [
            (0, 1e-2, 0.4850), (0, 10, 12.65), (1, 1e-4, 4.273), (1, 1, 0.4876), (1, 2, 0.7339),
        ]
        for (eta, lambda, kappa) in cases {
            let constants = quadrature.constants(lambdas: [lambda], eta: eta)
            #expect(TestSettings.relativeError(constants.kernel[0], kappa) < 1e-3)
        }
    }

    @Test("Two-scale 𝓔 for several processes and grids (spec §3.5)")
    func twoScaleErrorConstants() {
        let twoScale = [1.0, 0.01]
        let cases: [(DiffusionSetting, TimeGrid, Double, Double, Double)] = [
            (TestSettings.vpLinear, .uniform, 0, 0.69638559, 1e-7),
            (TestSettings.vpLinear, .uniform, 1, 0.76676606, 1e-7),
            (TestSettings.vpCosine, .uniform, 0, 0.37843087, 1e-7),
            (TestSettings.vpCosine, .uniform, 1, 0.53543248, 1e-7),
            (TestSettings.vpLinear, .power(2), 0, 0.008674, 1e-3),
            (TestSettings.vpLinear, .power(2), 1, 0.833550, 1e-5),
            (TestSettings.veEDM, .edm(7), 0, 2.598517, 1e-6),
            (TestSettings.veEDM, .edm(7), 1, 2.227021, 1e-6),
        ]
        for (setting, grid, eta, expected, tolerance) in cases {
            let constants = FirstOrderQuadrature(setting: setting, grid: grid)
                .constants(lambdas: twoScale, eta: eta)
            #expect(TestSettings.relativeError(constants.errorConstant, expected) < tolerance)
        }
        let ve = FirstOrderQuadrature(setting: TestSettings.veEDM, grid: .edm(7))
            .constants(lambdas: twoScale, eta: 0)
        #expect(TestSettings.relativeError(ve.varianceConstants[0], -5.147635) < 1e-6)
        #expect(TestSettings.relativeError(ve.varianceConstants[1], -0.071507) < 1e-5)
    }

    @Test("Mean constants D of the rotated example (spec §3.5)")
    func meanConstants() {
        let (lambdas, nu) = RotatedExample.rotationCoordinates()
        let quadrature = FirstOrderQuadrature(setting: TestSettings.vpLinear, grid: .uniform)
        let ode = quadrature.constants(lambdas: lambdas, eigenMean: nu, eta: 0)
        #expect(TestSettings.relativeError(ode.meanConstants[0], 0.0017751978) < 1e-6)
        #expect(TestSettings.relativeError(ode.meanConstants[1], -0.247063163) < 1e-6)
        #expect(TestSettings.relativeError(ode.errorConstant, 0.73891559) < 1e-7)
        let sde = quadrature.constants(lambdas: lambdas, eigenMean: nu, eta: 1)
        #expect(TestSettings.relativeError(sde.meanConstants[0], 0.411838152) < 1e-6)
        #expect(TestSettings.relativeError(sde.errorConstant, 0.88779663) < 1e-7)
    }

    /// Quadrature vs recursion: Richardson `(K₁X₁ − K₀X₀)/(K₁ − K₀)` of `X = K(P_K − v)` removes
    /// the O(1/K) remainder; spec A3 observes ≤ 1.8e-4 of max|C|, we require 5e-4.
    @Test(
        "C and D agree with the recursion",
        arguments: [
            (TestSettings.vpLinear, TimeGrid.uniform), (TestSettings.vpCosine, .power(2)),
            (TestSettings.veEDM, .edm(7)),
        ])
    func quadratureMatchesRecursion(setting: DiffusionSetting, grid: TimeGrid) {
        let lambdas = [2.0, 1, 0.3, 0.05, 0.01]
        let nu = [0.5, -1, 0.25, 0.7, -0.3]
        let recursion = ExactSamplerRecursion(setting: setting, lambdas: lambdas, eigenMean: nu)
        for eta in [0.0, 0.5, 1] {
            let constants = FirstOrderQuadrature(setting: setting, grid: grid)
                .constants(lambdas: lambdas, eigenMean: nu, eta: eta)
            let coarse = recursion.outputLaw(.eulerMaruyama(eta: eta), grid: grid, stepCount: 2560)
            let fine = recursion.outputLaw(.eulerMaruyama(eta: eta), grid: grid, stepCount: 5120)
            let target = recursion.target
            let scaleC = constants.maxAbsVarianceConstant
            let scaleD = constants.meanConstants.reduce(0) { max($0, abs($1)) }
            for i in lambdas.indices {
                let c =
                    2 * 5120 * (fine.variance[i] - target.variance[i])
                    - 2560 * (coarse.variance[i] - target.variance[i])
                #expect(abs(c - constants.varianceConstants[i]) < 5e-4 * scaleC)
                let d = 2 * 5120 * (fine.mean[i] - target.mean[i]) - 2560 * (coarse.mean[i] - target.mean[i])
                if scaleD > 0 {
                    #expect(abs(d - constants.meanConstants[i]) < 5e-4 * scaleD)
                }
            }
        }
    }

    /// `ρ(ψ(u)) = ψ'(u)`: the density is the local step times K. Central differences of the
    /// grid with K = 10⁵ at interior points have relative error O(K⁻²) ≈ 1e-9; we allow 1e-6.
    @Test("Step density matches the grid spacing", arguments: [TimeGrid.uniform, .power(2), .power(3.5), .edm(7)])
    func densityMatchesSpacing(grid: TimeGrid) {
        let setting = TestSettings.veEDM
        let count = 100_000
        let times = grid.times(stepCount: count, horizon: setting.horizon, truncation: setting.truncation)
        #expect(times.first == setting.horizon && times.last == setting.truncation)
        for k in [count / 10, count / 2, 9 * count / 10] {
            let spacing = 0.5 * (times[k - 1] - times[k + 1]) * Double(count)
            let rho = grid.density(at: times[k], horizon: setting.horizon, truncation: setting.truncation)
            #expect(TestSettings.relativeError(spacing, rho) < 1e-6)
        }
    }
}

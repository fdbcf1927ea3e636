import WorkbenchCore

extension ResNetODEExperiment {
    /// The recorded metric families; each `{placeholder}` is a coordinate of the key.
    static let metricSpecs: [MetricSpec] = gapMetrics

    private static let gapMetrics: [MetricSpec] = [
        MetricSpec(
            "gap.{residual}.{scheme}.{method}.rel_pl",
            "‖X_N − z(1)‖_F/‖z(1)‖_F of the Euler ResNet against RK4 on the piecewise-affine weight path",
            unit: "1, vs N"),
        MetricSpec(
            "gap.{residual}.{scheme}.{method}.rel_limit",
            "‖X_N − z(1)‖_F/‖z(1)‖_F of the Euler or Heun network against the depth-limit ODE on Θ(t)",
            unit: "1, vs N", recordedOnlyWhen: "weightSchemes contains smooth"),
        MetricSpec(
            "gap.{residual}.{scheme}.tv", "total variation Σ_n Σ_groups ‖θ_{n+1} − θ_n‖_F of the nodes",
            unit: "weight units, vs N"),
        MetricSpec(
            "gap.{residual}.{scheme}.output_diff_vs_smooth",
            "max |X_N(alternating) − X_N(smooth)| of the Euler ResNets", unit: "state units, vs N",
            recordedOnlyWhen: "weightSchemes contains alternating"),
        MetricSpec(
            "gap.{residual}.{scheme}.{method}.rel_pl.slope", "log-log slope of rel_pl over N ≥ fitMinDepth"),
        MetricSpec(
            "gap.{residual}.{scheme}.{method}.rel_limit.slope", "log-log slope of rel_limit over N ≥ fitMinDepth",
            recordedOnlyWhen: "weightSchemes contains smooth"),
        MetricSpec("gap.{residual}.{scheme}.plateau", "mean of rel_pl over the 3 largest depths"),
    ]
}

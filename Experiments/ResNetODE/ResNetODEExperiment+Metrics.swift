import WorkbenchCore

extension ResNetODEExperiment {
    /// The recorded metric families; each `{placeholder}` is a coordinate of the key.
    static let metricSpecs: [MetricSpec] =
        gapMetrics + linearMetrics + adjointMetrics + memoryMetrics + trainMetrics
        + reversibleMetrics

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

    private static let linearMetrics: [MetricSpec] = [
        MetricSpec("lin.loss", "Figure-2 run: loss (1/d²)‖Π − B‖_F² after k steps", unit: "1, vs step k"),
        MetricSpec("lin.smoothness", "Figure-2 run: N·max_n‖A_{n+1} − A_n‖_F after k steps", unit: "1, vs step k"),
        MetricSpec("lin.final_loss", "Figure-2 run: loss after linSteps steps"),
        MetricSpec("lin.first_step_below_1e-5", "Figure-2 run: first step with loss < 1e−5 (−1: never)", unit: "step"),
        MetricSpec("lin.smoothness_sup", "Figure-2 run: sup over steps of N·max_n‖A_{n+1} − A_n‖_F"),
        MetricSpec("lin.weight_sup", "Figure-2 run: sup over steps of max_n‖A_n‖_F"),
        MetricSpec(
            "lin.dist_limit", "max over steps and layers of ‖A^N_n(k) − A^ref(n/N, k)‖_F", unit: "1, vs N"),
        MetricSpec("lin.N_dist", "N·dist_limit", unit: "1, vs N"),
        MetricSpec(
            "lin.ode_gap", "‖Π − T(1)‖_F after training, T' = T·A(t) on the piecewise-affine weights",
            unit: "1, vs N"),
        MetricSpec("lin.dist_limit.slope", "log-log slope of dist_limit over linDepths"),
        MetricSpec(
            "lin.iid.smoothness_over_N", "i.i.d. init: sup over steps of max_n‖A_{n+1} − A_n‖_F", unit: "1, vs N"),
        MetricSpec("lin.iid.final_loss", "i.i.d. init: loss after linIIDSteps steps", unit: "1, vs N"),
    ]

    private static let adjointMetrics: [MetricSpec] = [
        MetricSpec(
            "adj.{residual}.{method}.{scheme}.rec", "‖X̃_0 − X_0‖_F/‖X_0‖_F of the adjoint's reverse steps",
            unit: "1, vs N"),
        MetricSpec(
            "adj.{residual}.{method}.{scheme}.grad_rel", "‖g_adj − g_bp‖/‖g_bp‖ over all weight gradients",
            unit: "1, vs N"),
        MetricSpec("adj.{residual}.{method}.{scheme}.grad_cos", "cos∠(g_adj, g_bp)", unit: "1, vs N"),
        MetricSpec(
            "adj.{residual}.{method}.{scheme}.input_grad_rel", "‖∂L/∂X_0 (adjoint) − ∂L/∂X_0 (backprop)‖/‖·‖",
            unit: "1, vs N"),
        MetricSpec(
            "adj.{residual}.heun_gain.smooth", "rec(Euler)/rec(Heun) for smooth weights", unit: "1, vs N",
            recordedOnlyWhen: "adjointSchemes contains smooth"),
        MetricSpec("adj.{residual}.{method}.{scheme}.rec.slope", "log-log slope of rec over N ≥ fitMinDepth"),
        MetricSpec("adj.{residual}.{method}.{scheme}.grad_rel.slope", "log-log slope of grad_rel over N ≥ fitMinDepth"),
        MetricSpec(
            "adj.{residual}.{method}.{scheme}.input_grad_rel.slope",
            "log-log slope of input_grad_rel over N ≥ fitMinDepth",
            recordedOnlyWhen: "the series is above the round-off floor 1e−14 (never for the linear residual)"),
    ]

    private static let memoryMetrics: [MetricSpec] = [
        MetricSpec(
            "mem.{mode}.{method}.bytes_peak", "peak bytes of activation buffers kept across layers (tracked)",
            unit: "bytes, vs N"),
        MetricSpec(
            "mem.{mode}.{method}.bytes_formula", "closed form: backprop (N+2)·d·B·8, adjoint 2·d·B·8",
            unit: "bytes, vs N"),
        MetricSpec("mem.ratio.{method}", "backprop bytes / adjoint bytes", unit: "1, vs N"),
    ]

    private static let trainMetrics: [MetricSpec] = [
        MetricSpec(
            "train.seed{seed}.{method}.{mode}.train_loss", "final training loss ‖X_N − Y‖²/(2B) (+∞: diverged)",
            unit: "1, vs N"),
        MetricSpec(
            "train.seed{seed}.{method}.{mode}.test_loss", "loss on the test batch at the final weights", unit: "1, vs N"
        ),
        MetricSpec("train.seed{seed}.{method}.{mode}.diverged", "1 when training diverged", unit: "0/1, vs N"),
        MetricSpec(
            "train.seed{seed}.{method}.grad_rel_final",
            "adjoint vs backprop gradient error at the backprop-trained weights",
            unit: "1, vs N"),
        MetricSpec(
            "train.seed{seed}.{method}.rec_final", "adjoint reconstruction error at the backprop-trained weights",
            unit: "1, vs N"),
        MetricSpec(
            "train.seed{seed}.{method}.adj_over_bp", "final train loss, adjoint-trained / backprop-trained",
            unit: "1, vs N"),
        MetricSpec(
            "train.seed{seed}.{method}.min_depth_ok", "smallest N with adj_over_bp ≤ 1.1 and no divergence (−1: none)",
            unit: "layers"),
    ]

    private static let reversibleMetrics: [MetricSpec] = [
        MetricSpec(
            "rev.{scheme}.rec", "‖X̃_0 − X_0‖_F/‖X_0‖_F of the scheme's exact reverse pass (smooth MLP)",
            unit: "1, vs N"),
        MetricSpec(
            "rev.{scheme}.grad_rel", "‖g_adj − g_bp‖/‖g_bp‖ over all weight gradients (smooth MLP)",
            unit: "1, vs N"),
        MetricSpec(
            "rev.{scheme}.backprop_bytes", "backpropagation: peak bytes of activation buffers kept across layers",
            unit: "bytes, vs N"),
        MetricSpec(
            "rev.{scheme}.adjoint_bytes", "adjoint: peak bytes of activation buffers kept across layers",
            unit: "bytes, vs N"),
        MetricSpec(
            "rev.{scheme}.adjoint_seconds", "wall-clock seconds of one adjoint pass (reverse and backward)",
            unit: "s, vs N", wallClockTiming: true),
        MetricSpec("rev.{scheme}.order", "classical order p of the scheme"),
        MetricSpec("rev.{scheme}.stages", "stages s (residual evaluations per forward layer)"),
        MetricSpec(
            "rev.{scheme}.adjoint_evals_per_layer",
            "adjoint cost per layer in residual evaluations: 3s evaluations + s VJPs at 2 each = 5s"),
        MetricSpec(
            "rev.{scheme}.backprop_evals_per_layer",
            "backpropagation cost per layer (stages recomputed from stored states): 2s + 2s = 4s"),
        MetricSpec(
            "rev.{scheme}.rec.slope", "log-log slope of rec over fitMinDepth ≤ N ≤ revFitMaxDepth",
            recordedOnlyWhen: "two depths in the fit window are above the round-off floor"),
        MetricSpec(
            "rev.{scheme}.grad_rel.slope", "log-log slope of grad_rel over fitMinDepth ≤ N ≤ revFitMaxDepth",
            recordedOnlyWhen: "two depths in the fit window are above the round-off floor"),
    ]
}

import AttentionLipschitz
import ConservationLaws
import DiffusionDiscretization
import ResNetODE
import TokenSampleComplexity
import WorkbenchCore

extension ExperimentRegistry {
    /// The experiments of the shipped `workbench` binary, in display order.
    public static let shipped = ExperimentRegistry([
        ConservationLawsExperiment(),
        DiffusionDiscretizationExperiment(),
        TokenSampleComplexityExperiment(),
        ResNetODEExperiment(),
        AttentionLipschitzExperiment(),
    ])
}

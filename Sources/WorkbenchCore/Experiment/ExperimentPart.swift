/// One selectable piece of an experiment's work (a study), chosen on the command line with
/// `parts=a,b` (default: every part, in declaration order).
///
/// A part declares the parameters it reads, the claims it decides and the inputs it needs, and
/// records its metrics through the context as it computes them, so an interrupted run keeps
/// everything older than about a second. Parts never communicate through hidden ordering: a
/// part that needs another part's intermediate results computes them itself (or through a cache
/// that its documentation names).
public struct ExperimentPart: Sendable {
    /// The word used in `parts=`, e.g. `convergence`.
    public let name: String
    /// One line for `workbench list`.
    public let summary: String
    /// The parameters this part reads (each must also be declared by the experiment).
    public let parameters: [ParameterSpec]
    /// The claims this part's metrics decide.
    public let claims: [ClaimSpec]
    /// Ids of the experiment's declared inputs this part reads; if an optional one is missing,
    /// the part is skipped and its claims are `not-run`.
    public let inputs: [String]
    /// Computes and records the part's metrics.
    public let run: @Sendable (RunContext) throws -> Void

    public init(
        _ name: String, summary: String, parameters: [any ParameterDeclaration], claims: [ClaimSpec] = [],
        inputs: [String] = [], run: @escaping @Sendable (RunContext) throws -> Void
    ) {
        self.name = name
        self.summary = summary
        self.parameters = parameters.map(\.spec)
        self.claims = claims
        self.inputs = inputs
        self.run = run
    }
}

import WorkbenchCore

/// `workbench list` in the machine formats: JSON describes each experiment in full (parameters
/// with typed defaults, presets, parts with their claims, inputs, metric families); CSV and
/// Markdown give one row per parameter.
enum DescriptorOutput {
    static func json(_ descriptors: [ExperimentDescriptor]) -> String {
        "[\n" + descriptors.map { "  " + object(of: $0) }.joined(separator: ",\n") + "\n]\n"
    }

    static func parameterTable(_ descriptors: [ExperimentDescriptor]) -> TabularOutput {
        let rows = descriptors.flatMap { descriptor in
            descriptor.parameters.map { spec -> [OutputCell] in
                [
                    .text(descriptor.id), .text(spec.key), .text(spec.kind.rawValue), .parameter(spec.defaultValue),
                    constraintCell(spec), .text(spec.doc),
                ]
            }
        }
        return TabularOutput(columns: ["experiment", "key", "kind", "default", "constraint", "doc"], rows: rows)
    }

    private static func constraintCell(_ spec: ParameterSpec) -> OutputCell {
        if case .any = spec.constraint { return .null }
        return .text(spec.constraint.summary)
    }

    private static func object(of descriptor: ExperimentDescriptor) -> String {
        func members(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\(JSONText.quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
        func text(_ value: String?) -> String { value.map(JSONText.quote) ?? "null" }
        let parameters = descriptor.parameters.map { spec in
            members([
                ("key", text(spec.key)), ("kind", text(spec.kind.rawValue)),
                ("default", OutputCell.parameter(spec.defaultValue).json), ("constraint", constraintCell(spec).json),
                ("doc", text(spec.doc)),
            ])
        }
        let presets = descriptor.allPresets.map { members([("name", text($0.name)), ("summary", text($0.summary))]) }
        let parts = descriptor.parts.map { part in
            members([
                ("name", text(part.name)), ("summary", text(part.summary)),
                ("inputs", array(part.inputs.map(JSONText.quote))),
                (
                    "claims",
                    array(
                        part.claims.map { claim in
                            members([
                                ("id", text(claim.id)), ("statement", text(claim.statement)),
                                ("paper", text(claim.paperValue)), ("expected", text(claim.expected.text)),
                                ("applies_when", array(claim.conditions.map { JSONText.quote($0.description) })),
                            ])
                        })
                ),
            ])
        }
        let inputs = descriptor.inputs.map { input in
            members([
                ("id", text(input.id)), ("description", text(input.description)), ("file", text(input.file)),
                ("optional", input.isOptional ? "true" : "false"), ("fetch", text(input.fetch.summary)),
            ])
        }
        let metrics = descriptor.metrics.map { metric in
            members([
                ("key", text(metric.key)), ("meaning", text(metric.meaning)), ("unit", text(metric.unit)),
                ("coordinates", array(metric.placeholders.map(JSONText.quote))),
                ("recorded_only_when", text(metric.recordedOnlyWhen)),
            ])
        }
        return members([
            ("id", text(descriptor.id)), ("title", text(descriptor.title)),
            ("paper", text(descriptor.paper.citation)), ("default_seed", "\(descriptor.defaultSeed)"),
            ("reference_preset", text(descriptor.referencePreset)), ("parameters", array(parameters)),
            ("presets", array(presets)), ("parts", array(parts)), ("inputs", array(inputs)),
            ("metrics", array(metrics)),
        ])
    }
}

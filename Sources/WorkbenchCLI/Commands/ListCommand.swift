import WorkbenchCore
import WorkbenchNumerics

/// `workbench list`: what can be run, with parameters, presets and claims.
struct ListCommand {
    let registry: ExperimentRegistry
    let console: Console

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        let brief = try scanner.flag("--brief")
        let system = try scanner.flag("--system")
        let format = try OutputFormat.parse(try scanner.option("--format"))
        _ = try scanner.option("--db")  // accepted for uniformity; list reads no database
        let words = try scanner.positionals(validOptions: ["--brief", "--db", "--format", "--system"])
        if system {
            guard words.isEmpty else { throw UsageError("list --system takes no experiment id") }
            console.write(BLASKernelSelection.systemReport())
            return ExitCode.success
        }
        guard words.count <= 1 else { throw UsageError("list takes at most one experiment id") }
        let experiments =
            try words.first.map { id throws(UsageError) in [try registry.experiment(id)] }
            ?? registry.experiments
        switch format {
        case .json:
            console.write(DescriptorOutput.json(experiments.map(\.descriptor)))
            return ExitCode.success
        case .csv, .md:
            console.write(DescriptorOutput.parameterTable(experiments.map(\.descriptor)).render(format))
            return ExitCode.success
        case .table:
            break
        }
        for experiment in experiments {
            let descriptor = experiment.descriptor
            if brief {
                console.write("\(descriptor.id)  \(descriptor.title)\n")
                continue
            }
            console.write(describe(descriptor))
        }
        return ExitCode.success
    }

    private func describe(_ descriptor: ExperimentDescriptor) -> String {
        var text = "\(descriptor.id) — \(descriptor.title)\n"
        text += "  paper: \(descriptor.paper.citation.replacingOccurrences(of: "*", with: ""))\n"
        text += "  default seed: \(descriptor.defaultSeed)\n"
        text += "  reference preset: \(descriptor.referencePreset)\n"
        text += "  parameters:\n"
        let keyWidth = descriptor.parameters.map(\.key.count).max() ?? 0
        for spec in descriptor.parameters {
            let padding = String(repeating: " ", count: keyWidth - spec.key.count)
            text += "    \(spec.key)\(padding)  \(spec.kind.rawValue) = \(spec.defaultValue.canonicalText)"
            if case .any = spec.constraint {} else { text += "  (\(spec.constraint.summary))" }
            text += "\n      \(spec.doc)\n"
        }
        text += "  presets:\n"
        for preset in descriptor.allPresets {
            text += "    \(preset.name): \(preset.summary)\n"
        }
        text += "  parts (parts=…, default: all, run in this order):\n"
        for part in descriptor.parts {
            text += "    \(part.name): \(part.summary)\n"
            if !part.inputs.isEmpty { text += "      inputs: \(part.inputs.joined(separator: ", "))\n" }
            for claim in part.claims {
                text += "      \(claim.id): \(claim.statement) — expected \(claim.expected.text)\n"
                for condition in claim.conditions { text += "        applies when \(condition.description)\n" }
            }
        }
        if !descriptor.inputs.isEmpty {
            text += "  inputs (`workbench fetch \(descriptor.id)`):\n"
            for input in descriptor.inputs {
                text += "    \(input.id): \(input.description)\(input.isOptional ? " (optional)" : "")\n"
                text += "      file \(input.file); fetched by \(input.fetch.summary)\n"
            }
        }
        text += "  metrics ({…} are coordinates, stored in metrics.coords):\n"
        for metric in descriptor.metrics {
            text += "    \(metric.key)  [\(metric.unit)]\n      \(metric.meaning)"
            if let condition = metric.recordedOnlyWhen { text += " (only when \(condition))" }
            text += "\n"
        }
        return text + "\n"
    }
}

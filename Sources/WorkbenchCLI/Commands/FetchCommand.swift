import WorkbenchCore

/// `workbench fetch <experiment>|all`: obtains the declared inputs (pretrained weights, corpora)
/// into the data directory, skipping those already present with the declared hash.
struct FetchCommand {
    let context: WorkbenchCommandLine

    func execute(_ scanner: inout ArgumentScanner) throws -> Int32 {
        _ = try scanner.option("--db")  // accepted for uniformity; fetch reads no database
        let words = try scanner.positionals(validOptions: ["--db"])
        guard words.count == 1 else {
            throw UsageError("fetch takes one experiment id or `all`", validChoices: context.registry.ids + ["all"])
        }
        let experiments = try context.registry.selection(words[0])
        let location = InputLocation(environment: context.environment)
        let console = context.console
        var status = ExitCode.success
        for experiment in experiments {
            let descriptor = experiment.descriptor
            if descriptor.inputs.isEmpty {
                if words[0] != "all" { console.write("\(descriptor.id): declares no inputs\n") }
                continue
            }
            for input in descriptor.inputs {
                do {
                    switch try InputFetcher.fetch(
                        input, experiment: descriptor, location: location, environment: context.environment)
                    {
                    case .present(let file):
                        console.write(
                            "\(descriptor.id) \(input.id): present, \(file.url.path) (sha256 \(file.sha256.prefix(16))…)\n"
                        )
                    case .fetched(let file):
                        console.write(
                            "\(descriptor.id) \(input.id): fetched, \(file.url.path) (sha256 \(file.sha256.prefix(16))…)\n"
                        )
                    }
                } catch {
                    console.writeError("workbench: error: \(descriptor.id) \(input.id): \(error)\n")
                    status = ExitCode.failure
                }
            }
        }
        return status
    }
}

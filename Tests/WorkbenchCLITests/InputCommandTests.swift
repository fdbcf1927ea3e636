import Foundation
import Testing
import WorkbenchCLI
import WorkbenchCore
import WorkbenchStore

@Suite("Declared inputs: fetch, hashing into provenance, missing inputs skip only their part")
struct InputCommandTests {
    /// SHA-256 of "1\n2\n3\n", the fixture's fetched input (computed independently with sha256sum).
    static let weightsHash = "14c5e74c4b96ccef41cd94db73a9ec3348038ac094feca4fd897cecffa07cdae"

    @Test("without the input, the part that needs it is not-run with the fetch command; the rest runs")
    func missingInput() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let run = harness.run(["run", "fixture-powerlaw"])
        #expect(run.status == ExitCode.success, "\(run.errors)")
        #expect(run.output.contains("weights-sum — not-run: input 'weights' (numbers, one per line) is missing at"))
        #expect(run.output.contains("run `workbench fetch fixture-powerlaw`"))
        let check = harness.run([
            "sql", "SELECT verdict, part FROM checks WHERE claim = 'weights-sum'", "--format", "csv",
        ])
        #expect(check.output.contains("not-run,weights"))
    }

    @Test("fetch runs the declared step once; a run hashes the input into run_inputs and uses it")
    func fetchThenRun() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let first = harness.run(["fetch", "fixture-powerlaw"])
        #expect(first.status == ExitCode.success, "\(first.errors)")
        #expect(first.output.contains("fixture-powerlaw weights: fetched"))
        let second = harness.run(["fetch", "fixture-powerlaw"])
        #expect(second.output.contains("fixture-powerlaw weights: present"))
        let run = harness.run(["run", "fixture-powerlaw"])
        #expect(run.status == ExitCode.success)
        let verdict = harness.run(["sql", "SELECT verdict FROM checks WHERE claim = 'weights-sum'", "--format", "csv"])
        #expect(verdict.output.contains("pass"))
        let inputs = harness.run(["sql", "SELECT input, sha256, size_bytes FROM run_inputs", "--format", "csv"])
        #expect(inputs.output.contains("weights,\(Self.weightsHash),6"))
    }

    @Test("a failing fetch step is reported with its command and exit status, leaving nothing behind")
    func failingFetch() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let experiment = ExperimentDescriptor(
            id: "broken-input", title: "t", paper: PaperReference(authors: "a", title: "t", venue: "v"), summary: "",
            parameters: [], parts: [], metrics: [],
            inputs: [ExperimentInput("x", description: "x", file: "x.bin", fetch: .command(["false"]))])
        let location = InputLocation(root: URL(fileURLWithPath: harness.directory.path("data")))
        #expect(throws: InputFetcher.Failure.self) {
            try InputFetcher.fetch(experiment.inputs[0], experiment: experiment, location: location)
        }
        let leftovers =
            (try? FileManager.default.contentsOfDirectory(atPath: harness.directory.path("data/broken-input"))) ?? []
        #expect(leftovers.isEmpty)
    }

    @Test("inputs sharing a folder (one wheel, several files) run their fetch step once; each file is checked")
    func sharedFolder() throws {
        let harness = try CLIHarness()
        defer { harness.directory.remove() }
        let counter = harness.directory.path("count.txt")
        let step = InputFetchStep.command([
            "sh", "-c", "echo run >> \(counter); mkdir -p model; printf 'abc' > model/a.bin; printf 'de' > model/b.bin",
        ])
        let experiment = ExperimentDescriptor(
            id: "shared-input", title: "t", paper: PaperReference(authors: "a", title: "t", venue: "v"), summary: "",
            parameters: [], parts: [], metrics: [],
            inputs: [
                ExperimentInput("a", description: "a", file: "model/a.bin", size: 3, fetch: step, folder: "bundle"),
                ExperimentInput("b", description: "b", file: "model/b.bin", size: 2, fetch: step, folder: "bundle"),
            ])
        let location = InputLocation(root: URL(fileURLWithPath: harness.directory.path("data")))
        let first = try InputFetcher.fetch(experiment.inputs[0], experiment: experiment, location: location)
        let second = try InputFetcher.fetch(experiment.inputs[1], experiment: experiment, location: location)
        guard case .fetched(let a) = first, case .present(let b) = second else {
            Issue.record("expected fetched then present, got \(first), \(second)")
            return
        }
        #expect(a.url.path.hasSuffix("shared-input/bundle/model/a.bin") && a.size == 3)
        #expect(b.url.path.hasSuffix("shared-input/bundle/model/b.bin") && b.size == 2)
        #expect((try String(contentsOfFile: counter, encoding: .utf8)) == "run\n")
    }
}

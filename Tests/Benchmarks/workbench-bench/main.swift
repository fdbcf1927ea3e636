import Foundation

// Benchmarks of a release build, each measuring its peers in the same command:
//   swift run -c release workbench-bench [recording] [points]
//   swift run -c release workbench-bench attention [n] [repeats]
// `recording` (the default) times metric recording (see RecordingBenchmark.swift); `attention`
// times the attention kernel against the single-core dgemm rate (see AttentionBenchmark.swift).

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first.flatMap { Int($0) == nil ? $0 : nil } ?? "recording"
if arguments.first == mode { arguments.removeFirst() }
let numbers = arguments.compactMap { Int($0) }
switch mode {
case "recording":
    try runRecordingBenchmark(points: numbers.first ?? 1_000_000)
case "attention":
    runAttentionBenchmark(n: numbers.first ?? 4096, repeats: numbers.dropFirst().first ?? 5)
default:
    FileHandle.standardError.write(Data("unknown benchmark '\(mode)': use recording or attention\n".utf8))
    exit(64)
}

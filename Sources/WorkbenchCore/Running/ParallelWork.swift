import Dispatch
import Foundation

/// Deterministic parallel loops: work items are independent and results are stored by index,
/// so the output does not depend on the number of threads or on scheduling.
public enum ParallelWork {
    /// `[body(0), …, body(count − 1)]` computed on up to `workers` threads.
    public static func map<T: Sendable>(
        _ count: Int, workers: Int, _ body: @Sendable (Int) throws -> T
    ) throws -> [T] {
        if count == 0 { return [] }
        let box = ResultBox<T>(count: count)
        let threads = max(1, min(workers, count))
        if threads == 1 {
            for i in 0..<count { box.store(i, Result { try body(i) }) }
        } else {
            let next = AtomicCounter()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    let i = next.increment()
                    if i >= count { break }
                    box.store(i, Result { try body(i) })
                }
            }
        }
        return try box.values()
    }
}

private final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<T, Error>) {
        lock.withLock { results[index] = result }
    }

    func values() throws -> [T] {
        try lock.withLock {
            try results.map { result in
                guard let result else { throw ExperimentError.failed("parallel work item missing") }
                return try result.get()
            }
        }
    }
}

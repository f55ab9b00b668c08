import CapdoCore
import Foundation
import Synchronization

/// A capture file read while `capdo lan` loads its rules: on a large capture each takes a good part of the run, and
/// both can use a core. The reading's warnings are held until `collected()`, so they are said after the rules'
/// warnings, as when one ran after the other. Only for a capture file: an active scan or a live capture must not
/// start before the rules are known to load.
final class CaptureAlongside: Sendable {
    private let reading: Task<(facts: LanFacts, issues: [CollectionIssue]), any Error>
    private let held: HeldLines
    private let warn: @Sendable (String) -> Void

    init(_ source: LanSource) {
        let held = HeldLines()
        var quietSource = source
        quietSource.warn = { line in held.append(line) }
        let reader = quietSource
        self.held = held
        warn = source.warn
        reading = Task.detached { try await reader.collect() }
    }

    /// What the source collected, after its warnings are said.
    func collected() async throws(CapdoError) -> (facts: LanFacts, issues: [CollectionIssue]) {
        let result = await reading.result
        for line in held.lines { warn(line) }
        switch result {
        case .success(let collected): return collected
        case .failure(let error as CapdoError): throw error
        case .failure(let error): throw CapdoError(.capture, "\(error)")
        }
    }

    /// Lines said from the reading task, in order.
    private final class HeldLines: Sendable {
        private let store = Mutex<[String]>([])
        func append(_ line: String) { store.withLock { $0.append(line) } }
        var lines: [String] { store.withLock { $0 } }
    }
}

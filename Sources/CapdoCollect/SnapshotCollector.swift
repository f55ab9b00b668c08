import CapdoCore
import Foundation

/// Runs collectors concurrently, each with a timeout, and merges their outputs in registry order.
public enum SnapshotCollector {
    /// The default per-collector time limit.
    public static let defaultTimeout: TimeInterval = 20

    /// A snapshot of `environment`. A collector that does not finish within `timeout` seconds contributes
    /// only an error issue naming it; the others are merged as usual.
    public static func collect(
        _ environment: HostEnvironment, collectors: [any Collector] = Collectors.all,
        timeout: TimeInterval = SnapshotCollector.defaultTimeout
    ) async -> HostSnapshot {
        var results = [(output: CollectorOutput, milliseconds: Double)?](repeating: nil, count: collectors.count)
        await withTaskGroup(of: (Int, CollectorOutput, Double).self) { group in
            for (index, collector) in collectors.enumerated() {
                group.addTask {
                    let clock = ContinuousClock()
                    let start = clock.now
                    let output = await run(collector, environment, timeout: timeout)
                    let elapsed = start.duration(to: clock.now)
                    let milliseconds =
                        Double(elapsed.components.seconds) * 1000
                        + Double(elapsed.components.attoseconds) / 1e15
                    return (index, output, milliseconds)
                }
            }
            for await (index, output, milliseconds) in group { results[index] = (output, milliseconds) }
        }
        var snapshot = HostSnapshot(collectedAt: environment.now, root: environment.root, live: environment.live)
        for (index, collector) in collectors.enumerated() {
            guard let result = results[index] else { continue }
            result.output.merge(into: &snapshot)
            snapshot.collectors.append(
                CollectorRun(
                    id: collector.id, milliseconds: (result.milliseconds * 10).rounded() / 10,
                    issues: result.output.issues.count))
        }
        return snapshot
    }
}

private extension SnapshotCollector {
    /// Races the collector against a timer that does not need the cooperative pool, so a collector stuck in
    /// a blocking call cannot hold the scan; the late result is dropped.
    static func run(_ collector: any Collector, _ environment: HostEnvironment, timeout: TimeInterval) async
        -> CollectorOutput
    {
        let timedOut = CollectorOutput(issues: [
            CollectionIssue(
                collector: collector.id,
                message: "collector '\(collector.id)' did not finish within \(Int(timeout)) s; its facts are missing")
        ])
        return await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            let work = Task { once.resume(await collector.collect(in: environment)) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                once.resume(timedOut)
                work.cancel()
            }
        }
    }
}

/// Resumes a continuation exactly once, whichever of the collector and the timer finishes first.
private final class ResumeOnce: @unchecked Sendable {  // `resumed` is guarded by `lock`
    private let lock = NSLock()
    private var resumed = false
    private let continuation: CheckedContinuation<CollectorOutput, Never>

    init(_ continuation: CheckedContinuation<CollectorOutput, Never>) {
        self.continuation = continuation
    }

    func resume(_ output: CollectorOutput) {
        let first = lock.withLock {
            defer { resumed = true }
            return !resumed
        }
        if first { continuation.resume(returning: output) }
    }
}

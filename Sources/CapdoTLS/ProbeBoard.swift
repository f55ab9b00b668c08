import CapdoCore
import Synchronization

/// Shared state of one batch of probes: the next target to take and the results so far.
final class ProbeBoard: Sendable {
    let next = Atomic<Int>(0)
    let running: Atomic<Int>
    let results: Mutex<[TLSEndpoint?]>

    init(count: Int, workers: Int) {
        running = Atomic<Int>(workers)
        results = Mutex([TLSEndpoint?](repeating: nil, count: count))
    }
}

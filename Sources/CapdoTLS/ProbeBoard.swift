import CapdoCore
import Synchronization

/// Shared state of one batch of probes: the next target to take and the results so far.
final class ProbeBoard<Item: Sendable>: Sendable {
    let next = Atomic<Int>(0)
    let running: Atomic<Int>
    let results: Mutex<[Item?]>

    init(count: Int, workers: Int) {
        running = Atomic<Int>(workers)
        results = Mutex([Item?](repeating: nil, count: count))
    }
}

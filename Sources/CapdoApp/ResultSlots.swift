import CapdoCore
import Foundation

/// Results filled in by parallel workers, read back in input order.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {  // `slots` is guarded by `lock`
    private let lock = NSLock()
    private var slots: [Result<Value, CapdoError>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Value, CapdoError>) {
        lock.withLock { slots[index] = result }
    }

    var results: [Result<Value, CapdoError>] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

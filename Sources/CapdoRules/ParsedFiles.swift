import Foundation

/// Slots for per-file parse results filled from `concurrentPerform` workers.
final class ParsedFiles: @unchecked Sendable {  // `slots` is guarded by `lock`
    private let lock = NSLock()
    private var slots: [RuleCatalog.FileResult?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: RuleCatalog.FileResult) {
        lock.withLock { slots[index] = result }
    }

    var results: [RuleCatalog.FileResult?] { lock.withLock { slots } }
}

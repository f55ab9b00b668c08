import CapdoCore
import Foundation

/// Results of reading many snapshot files in parallel, kept in input order.
final class SnapshotBatch: @unchecked Sendable {  // `slots` is guarded by `lock`
    typealias Read = (snapshot: HostSnapshot, digest: String?)
    private let lock = NSLock()
    private var slots: [Result<Read, CLIError>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Read, CLIError>) {
        lock.withLock { slots[index] = result }
    }

    var results: [Result<Read, CLIError>] {
        lock.withLock { slots.compactMap { $0 } }
    }
}

extension SnapshotFile {
    /// Reads every file on all cores; each element is the snapshot or the reason it was skipped.
    static func readAll(_ paths: [String], digest: Bool) -> [Result<SnapshotBatch.Read, CLIError>] {
        let batch = SnapshotBatch(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do {
                batch.set(index, .success(try read(paths[index], digest: digest)))
            } catch let error as CLIError {
                batch.set(index, .failure(error))
            } catch {
                batch.set(index, .failure(.scanner("\(paths[index]): \(error)")))
            }
        }
        return batch.results
    }
}

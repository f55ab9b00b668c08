import CapdoCore
import Foundation
import Synchronization

/// A name lookup running on its own thread, so that a resolver that never answers costs at most the timeout:
/// `getaddrinfo` cannot be cancelled, so the thread is left to finish on its own and its answer is dropped.
final class PendingLookup: Sendable {
    private let answer = Mutex<Result<ResolvedAddress, CapdoError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `lookup` and waits at most `timeout` seconds for it; nil when it did not answer in time.
    static func run(
        timeout: Double, _ lookup: @escaping @Sendable () -> Result<ResolvedAddress, CapdoError>
    ) -> Result<ResolvedAddress, CapdoError>? {
        let pending = PendingLookup()
        let thread = Thread {
            let result = lookup()
            pending.answer.withLock { $0 = result }
            pending.done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        guard pending.done.wait(timeout: .now() + max(0.001, timeout)) == .success else { return nil }
        return pending.answer.withLock { $0 }
    }
}

import Foundation

/// A point in monotonic time after which a blocking step gives up.
struct Deadline: Sendable {
    let nanoseconds: UInt64

    init(seconds: Double) {
        nanoseconds = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1_000_000_000)
    }

    /// Milliseconds left for `poll` (0 once passed).
    var remainingMilliseconds: Int32 {
        let now = DispatchTime.now().uptimeNanoseconds
        guard nanoseconds > now else { return 0 }
        return Int32(min(UInt64(Int32.max), (nanoseconds - now) / 1_000_000 + 1))
    }
}

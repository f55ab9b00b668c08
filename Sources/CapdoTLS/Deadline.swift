import Foundation

/// A point in monotonic time after which a blocking step gives up.
struct Deadline: Sendable {
    let nanoseconds: UInt64

    /// At most a day ahead: `UInt64(_: Double)` and the addition would trap on a timeout such as 1e19.
    init(seconds: Double) {
        let bounded = seconds.isNaN ? 0 : min(max(0, seconds), 86_400)
        nanoseconds = DispatchTime.now().uptimeNanoseconds + UInt64(bounded * 1_000_000_000)
    }

    /// Milliseconds left for `poll` (0 once passed).
    var remainingMilliseconds: Int32 {
        let now = DispatchTime.now().uptimeNanoseconds
        guard nanoseconds > now else { return 0 }
        return Int32(min(UInt64(Int32.max), (nanoseconds - now) / 1_000_000 + 1))
    }
}

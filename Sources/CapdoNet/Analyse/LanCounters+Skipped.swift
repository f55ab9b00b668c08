import CapdoCore

extension LanCounters {
    /// Adds `count` to `skipped[key]`; a zero count leaves the key out, as the facts list only what happened.
    mutating func addSkipped(_ key: String, _ count: Int) {
        if count > 0 { skipped[key, default: 0] += count }
    }
}

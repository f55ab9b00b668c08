import CapdoCore

/// The retention-relevant settings of logrotate's global scope or of one log block.
public struct LogrotateSettings: Sendable, Equatable {
    /// `daily`, `weekly`, `monthly`, `yearly` or `hourly`.
    public var frequency: ConfigEntry?
    public var rotate: ConfigEntry?
    public var maxage: ConfigEntry?

    public init(frequency: ConfigEntry? = nil, rotate: ConfigEntry? = nil, maxage: ConfigEntry? = nil) {
        self.frequency = frequency
        self.rotate = rotate
        self.maxage = maxage
    }

    /// Days of rotated logs kept: `maxage` when set, else `rotate` (default 0) times the period;
    /// `unlimited` for `rotate -1`; nil when neither a frequency nor `maxage` is set.
    public var retentionDays: String? {
        if let maxage { return maxage.value }
        guard let frequency else { return nil }
        let count = rotate.flatMap { Int($0.value) } ?? 0
        if count < 0 { return "unlimited" }
        switch frequency.value {
        case "hourly": return String(count / 24)
        case "daily": return String(count)
        case "weekly": return String(count * 7)
        case "monthly": return String(count * 30)
        case "yearly": return String(count * 365)
        default: return nil
        }
    }

    /// The same settings, each relocated to `file:line` (a block inheriting the global values).
    public func located(at file: String, line: Int) -> LogrotateSettings {
        func move(_ entry: ConfigEntry?) -> ConfigEntry? {
            entry.map { ConfigEntry(value: $0.value, file: file, line: line) }
        }
        return LogrotateSettings(frequency: move(frequency), rotate: move(rotate), maxage: move(maxage))
    }

    /// The entries `frequency`, `rotate`, `maxage`, `retention_days`, keys prefixed with `prefix`.
    public func entries(prefix: String, retentionAt file: String?, line: Int?) -> [String: ConfigEntry] {
        var result: [String: ConfigEntry] = [:]
        if let frequency { result[prefix + "frequency"] = frequency }
        if let rotate { result[prefix + "rotate"] = rotate }
        if let maxage { result[prefix + "maxage"] = maxage }
        if let days = retentionDays {
            let origin = maxage ?? rotate ?? frequency
            result[prefix + "retention_days"] = ConfigEntry(
                value: days, file: file ?? origin?.file, line: line ?? origin?.line)
        }
        return result
    }
}

/// Parses systemd time spans (systemd.time(7)): `30d`, `2weeks`, `1month`, `1y 6M`, `3600` (seconds).
public enum SystemdTimeSpan {
    /// Unit names and their length in seconds; a month is 30.44 days and a year 365.25 days, as systemd counts.
    static let units: [String: Double] = [
        "usec": 1e-6, "us": 1e-6, "µs": 1e-6, "msec": 1e-3, "ms": 1e-3,
        "seconds": 1, "second": 1, "sec": 1, "s": 1, "": 1,
        "minutes": 60, "minute": 60, "min": 60, "m": 60,
        "hours": 3600, "hour": 3600, "hr": 3600, "h": 3600,
        "days": 86400, "day": 86400, "d": 86400,
        "weeks": 604_800, "week": 604_800, "w": 604_800,
        "months": 2_629_800, "month": 2_629_800, "M": 2_629_800,
        "years": 31_557_600, "year": 31_557_600, "y": 31_557_600,
    ]

    /// Seconds in `text`, or nil when it is not a valid time span.
    public static func seconds(_ text: String) -> Double? {
        let chars = Array(text)
        var index = 0
        var total = 0.0
        var parts = 0
        while true {
            while index < chars.count && chars[index].isWhitespace { index += 1 }
            if index == chars.count { break }
            var number = ""
            while index < chars.count && (chars[index].isASCII && (chars[index].isNumber || chars[index] == ".")) {
                number.append(chars[index])
                index += 1
            }
            guard let value = Double(number), value >= 0 else { return nil }
            while index < chars.count && chars[index] == " " { index += 1 }
            var unit = ""
            while index < chars.count && chars[index].isLetter {
                unit.append(chars[index])
                index += 1
            }
            guard let factor = units[unit] else { return nil }
            total += value * factor
            parts += 1
            if parts > 32 { return nil }
        }
        return parts > 0 ? total : nil
    }

    /// Whole days in `text` (rounded down), or nil when it is not a valid time span.
    public static func days(_ text: String) -> Int? {
        guard let seconds = seconds(text), seconds < 1e15 else { return nil }
        return Int(seconds / 86400)
    }
}

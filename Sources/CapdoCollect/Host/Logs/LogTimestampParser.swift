import CapdoCore
import Foundation

/// Reads the timestamp at the start of a log line: classic syslog (`Nov 29 15:10:40`, year inferred from
/// the file's mtime) or RFC 3339 (`2026-11-29T15:10:40.123456+07:00`, Debian 12 rsyslog). Times without a
/// zone are taken as UTC.
public enum LogTimestampParser {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The time of `line`, or nil when it starts with neither format. `modified` is the file's mtime: a
    /// syslog date later than it (by more than a day) belongs to the previous year.
    public static func parse(_ line: Substring, modified: Date?) -> Date? {
        let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
        guard let first = words.first else { return nil }
        if first.count >= 19, first.first?.isNumber == true, let date = CapdoDate.parse(String(first)) {
            return date
        }
        guard words.count >= 3, let month = months.firstIndex(of: String(first)), let day = Int(words[1]),
            (1...31).contains(day)
        else { return nil }
        let clock = words[2].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let reference = modified ?? Date()
        let year = calendar.component(.year, from: reference)
        for candidate in [year, year - 1] {
            let components = DateComponents(
                year: candidate, month: month + 1, day: day, hour: clock[0], minute: clock[1], second: clock[2])
            if let date = calendar.date(from: components), date <= reference.addingTimeInterval(86_400) {
                return date
            }
        }
        return nil
    }
}

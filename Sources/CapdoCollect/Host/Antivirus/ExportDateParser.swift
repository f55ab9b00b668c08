import Foundation

/// Reads the date forms PowerShell's `ConvertTo-Json` writes: `/Date(1732780800000)/` (Windows PowerShell 5.1,
/// optionally with an offset `/Date(1732780800000+0700)/`, which does not change the instant) and ISO 8601
/// with or without fractional seconds and offset (PowerShell 7; no offset is taken as UTC).
public enum ExportDateParser {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("/Date(") || trimmed.hasPrefix("\\/Date(") {
            let inner = trimmed.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
            var digits = String(inner)
            if let cut = digits.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }) {
                digits = String(digits[..<cut])
            }
            guard let milliseconds = Int64(digits) else { return nil }
            return Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
        }
        return iso8601(trimmed)
    }

    /// `2026-11-28T03:10:00.1234567+07:00`, `2026-11-28T03:10:00Z`, `2026-11-28 03:10:00`, `2026-11-28`.
    static func iso8601(_ text: String) -> Date? {
        let chars = Array(text)
        func int(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            return Int(String(chars[from..<(from + count)]))
        }
        guard chars.count >= 10, chars[4] == "-", chars[7] == "-", let year = int(0, 4), let month = int(5, 2),
            let day = int(8, 2)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offset = 0
        var index = 10
        if chars.count > 10 {
            guard chars[10] == "T" || chars[10] == " ", let h = int(11, 2), chars.count > 13, chars[13] == ":",
                let m = int(14, 2)
            else { return nil }
            hour = h
            minute = m
            index = 16
            if index < chars.count, chars[index] == ":" {
                guard let s = int(17, 2) else { return nil }
                second = s
                index = 19
            }
            if index < chars.count, chars[index] == "." {
                var end = index + 1
                while end < chars.count, chars[end].isNumber { end += 1 }
                fraction = Double("0" + String(chars[index..<end])) ?? 0
                index = end
            }
            if index < chars.count {
                let zone = String(chars[index...])
                if zone == "Z" {
                    offset = 0
                } else {
                    let sign = zone.first
                    let digits = zone.dropFirst().filter(\.isNumber)
                    guard sign == "+" || sign == "-", digits.count == 4, let hh = Int(digits.prefix(2)),
                        let mm = Int(digits.suffix(2))
                    else { return nil }
                    offset = (hh * 3600 + mm * 60) * (sign == "-" ? -1 : 1)
                }
            }
        }
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), let utc = TimeZone(secondsFromGMT: 0)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        guard
            let date = calendar.date(
                from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
        else { return nil }
        return date.addingTimeInterval(fraction - TimeInterval(offset))
    }
}

import Foundation

/// Date formatting and parsing without shared mutable formatters (UTC, ISO 8601).
public enum CapdoDate {
    /// `2026-11-29T15:10:40Z`
    public static func iso8601(_ date: Date) -> String {
        if let text = CivilTime(date)?.iso8601 { return text }
        return date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
                .timeSeparator(.colon).timeZone(separator: .omitted)
        )
        .replacingOccurrences(of: "+0000", with: "Z")
    }

    /// `2026-11-29`
    public static func day(_ date: Date) -> String {
        String(iso8601(date).prefix(10))
    }

    /// Parses `2026-11-29`, `2026-11-29T15:10:40Z` or with an offset / fractional seconds.
    public static func parse(_ text: String) -> Date? {
        if let civil = CivilTime(iso8601: text) { return civil.date }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count == 10 {
            return try? Date(trimmed + "T00:00:00Z", strategy: .iso8601)
        }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        return try? Date(
            trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Whole and fractional days between `date` and `now` (positive when `date` is in the past).
    public static func ageInDays(of date: Date, now: Date) -> Double {
        now.timeIntervalSince(date) / 86_400
    }
}

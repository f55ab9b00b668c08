import Foundation

/// Reads `freshclam.log`: the time of the last successful update and the last error after it.
///
/// Lines carry a time either as a prefix (`Sat Nov 28 03:10:01 2026 -> …`, LogTime yes) or only in
/// `ClamAV update process started at Sat Nov 28 03:10:01 2026`; times are taken as UTC (freshclam writes
/// local time without a zone). Success: "database is up-to-date", "updated (version", "Database updated";
/// error: lines with "ERROR:".
public enum FreshclamLogParser {
    public struct Summary: Sendable, Equatable {
        public var lastSuccess: Date?
        public var lastError: String?
        public var lastErrorTime: Date?
        /// Line of the last error (1-based).
        public var lastErrorLine: Int?
    }

    public static func parse(_ text: String) -> Summary {
        var summary = Summary()
        var current: Date?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if let arrow = line.range(of: " -> ") {
                if let time = parseTime(String(line[..<arrow.lowerBound])) { current = time }
                line = String(line[arrow.upperBound...])
            }
            if let range = line.range(of: "update process started at ") {
                if let time = parseTime(String(line[range.upperBound...])) { current = time }
                continue
            }
            if line.contains("ERROR:") {
                summary.lastError = String(line.prefix(300))
                summary.lastErrorTime = current
                summary.lastErrorLine = index + 1
            } else if line.contains("is up-to-date") || line.contains("updated (version")
                || line.contains("Database updated")
            {
                if let current { summary.lastSuccess = max(summary.lastSuccess ?? current, current) }
            }
        }
        if let success = summary.lastSuccess, let errorTime = summary.lastErrorTime, errorTime < success {
            summary.lastError = nil
            summary.lastErrorTime = nil
            summary.lastErrorLine = nil
        }
        return summary
    }

    /// `Sat Nov 28 03:10:01 2026` (asctime) as UTC.
    static func parseTime(_ text: String) -> Date? {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 5 else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let month = months.firstIndex(of: parts[1].lowercased()), let day = Int(parts[2]),
            let year = Int(parts[4])
        else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month + 1, day, clock[0], clock[1], clock[2])
        return ExportDateParser.parse(text)
    }
}

import Foundation

/// The records of a colon-separated account file (`etc/passwd`, `etc/shadow`), numbered by line: lines
/// trimmed of spaces, blank lines, comments and NIS compat lines (`+`, `-user`: not local accounts) skipped.
enum ColonFile {
    static func records(_ text: String) -> [(line: Int, fields: [Substring])] {
        var records: [(line: Int, fields: [Substring])] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("+") || line.hasPrefix("-") { continue }
            records.append((index + 1, line.split(separator: ":", omittingEmptySubsequences: false)))
        }
        return records
    }
}

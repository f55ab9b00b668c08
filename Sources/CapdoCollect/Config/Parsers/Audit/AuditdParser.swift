import CapdoCore
import Foundation

/// Parses `etc/audit/auditd.conf` (`config.auditd`): `key = value`, keys lower-cased, the last value wins.
public enum AuditdParser: ConfigFileParser {
    public static let collector = "config.auditd"
    public static let summary = "auditd daemon settings (auditd.conf)"
    public static let file = "etc/audit/auditd.conf"

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var entries: [String: ConfigEntry] = [:]
        if let text = reader.text(file) {
            for line in reader.lines(text, file: file) {
                let trimmed = line.text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                guard let equals = trimmed.firstIndex(of: "=") else {
                    reader.report(file: file, line: line.number, "line without '=', not shown")
                    continue
                }
                let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty else {
                    reader.report(file: file, line: line.number, "assignment without a key")
                    continue
                }
                entries[key] = ConfigEntry(value: value, file: file, line: line.number)
            }
        }
        return (reader.section(entries), reader.issues)
    }
}

import CapdoCore

/// Parses systemd-journald's configuration (`config.journald`), adding `persistent` and `max_retention_days`.
///
/// `persistent` is `yes` for `Storage=persistent`, or for `auto` (the default) when `var/log/journal` exists;
/// it sits at the `Storage=` line, or at `var/log/journal` when the default decides.
public enum JournaldParser {
    public static let collector = "config.journald"
    static let parser = SystemdConfigParser(collector: collector, name: "journald.conf", section: "Journal")

    public static func parse(_ files: SystemConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var (entries, reader) = parser.parse(files)
        let storage = entries["Storage"]
        switch storage?.value.lowercased() ?? "auto" {
        case "persistent":
            entries["persistent"] = ConfigEntry(value: "yes", file: storage?.file, line: storage?.line)
        case "auto":
            let exists = files.isDirectory("var/log/journal")
            entries["persistent"] = ConfigEntry(
                value: exists ? "yes" : "no", file: exists ? "var/log/journal" : storage?.file, line: storage?.line)
        case "volatile", "none":
            entries["persistent"] = ConfigEntry(value: "no", file: storage?.file, line: storage?.line)
        default:
            reader.report(
                file: storage?.file, line: storage?.line,
                "Storage= must be volatile, persistent, auto or none, got '\(storage?.value.prefix(80) ?? "")'")
        }
        if let retention = entries["MaxRetentionSec"] {
            if let days = SystemdTimeSpan.days(retention.value) {
                entries["max_retention_days"] = ConfigEntry(
                    value: String(days), file: retention.file, line: retention.line)
            } else {
                reader.report(
                    file: retention.file, line: retention.line,
                    "MaxRetentionSec= is not a time span: '\(retention.value.prefix(80))'")
            }
        }
        return (reader.section(entries), reader.issues)
    }
}

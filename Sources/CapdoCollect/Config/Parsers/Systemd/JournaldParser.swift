import CapdoCore

/// Parses systemd-journald's configuration (`config.journald`), adding `persistent` and `max_retention_days`.
///
/// `persistent` is `yes` for `Storage=persistent`, or for `auto` (the default) when `var/log/journal` exists;
/// it sits at the `Storage=` line, or at `var/log/journal` when the default decides. journald ignores a
/// `Storage=` value it does not know (quoted, capitalised, empty: it compares the raw text), keeping the
/// earlier assignment or the default, and so does capdo, with a warning naming the line.
public enum JournaldParser: ConfigFileParser {
    public static let collector = "config.journald"
    public static let summary = "systemd-journald storage and retention settings"
    public static let storageValues: Set<String> = ["volatile", "persistent", "auto", "none"]
    public static let parser = SystemdConfigParser(
        collector: collector, name: "journald.conf", section: "Journal", enumerations: ["Storage": storageValues])

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var (entries, reader) = parser.parse(files)
        let storage = entries["Storage"]
        switch storage?.value ?? "auto" {
        case "persistent":
            entries["persistent"] = ConfigEntry(value: "yes", file: storage?.file, line: storage?.line)
        case "volatile", "none":
            entries["persistent"] = ConfigEntry(value: "no", file: storage?.file, line: storage?.line)
        default:  // "auto": the parser only keeps accepted values
            let exists = files.isDirectory("var/log/journal")
            entries["persistent"] = ConfigEntry(
                value: exists ? "yes" : "no", file: exists ? "var/log/journal" : storage?.file, line: storage?.line)
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

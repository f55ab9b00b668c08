import CapdoCore

/// Parses systemd-timesyncd's configuration (`config.timesyncd`): `NTP` and `FallbackNTP` under `[Time]`.
public enum TimesyncdParser: ConfigFileParser {
    public static let collector = "config.timesyncd"
    public static let summary = "systemd-timesyncd NTP servers"
    static let parser = SystemdConfigParser(
        collector: collector, name: "timesyncd.conf", section: "Time", listKeys: ["NTP", "FallbackNTP"])

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        let (entries, reader) = parser.parse(files)
        return (reader.section(entries), reader.issues)
    }
}

import CapdoCore

/// Parses `etc/default/useradd`: shell-style `KEY=value` (`INACTIVE`, `EXPIRE`, `SHELL`, …), the last value
/// winning.
public enum UseraddDefaultsParser: ConfigFileParser {
    public static let collector = "config.useradd"
    public static let summary = "New-account defaults from etc/default/useradd"
    public static let file = "etc/default/useradd"

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        KeyValueConfigParser(collector: collector, separator: .equals, normalize: { $0.uppercased() })
            .parse([file], from: files)
    }
}

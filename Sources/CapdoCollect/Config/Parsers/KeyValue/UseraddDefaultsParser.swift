import CapdoCore

/// Parses `etc/default/useradd`: shell-style `KEY=value` (`INACTIVE`, `EXPIRE`, `SHELL`, …), the last value
/// winning.
public enum UseraddDefaultsParser {
    public static let collector = "config.useradd"
    public static let file = "etc/default/useradd"

    public static func parse(_ source: ConfigTextSource) -> (ConfigSection, [CollectionIssue]) {
        KeyValueConfigReader(collector: collector, separator: .equals, normalize: { $0.uppercased() })
            .read([file], from: source)
    }
}

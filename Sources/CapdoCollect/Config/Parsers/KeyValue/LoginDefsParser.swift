import CapdoCore

/// Parses `etc/login.defs`: `KEY value`, upper-case keys, the last value winning.
public enum LoginDefsParser {
    public static let collector = "config.login_defs"
    public static let file = "etc/login.defs"

    public static func parse(_ source: ConfigTextSource) -> (ConfigSection, [CollectionIssue]) {
        KeyValueConfigReader(collector: collector, separator: .whitespace, normalize: { $0.uppercased() })
            .read([file], from: source)
    }
}

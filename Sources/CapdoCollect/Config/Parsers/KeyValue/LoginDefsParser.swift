import CapdoCore

/// Parses `etc/login.defs`: `KEY value`, upper-case keys, the last value winning.
public enum LoginDefsParser: ConfigFileParser {
    public static let collector = "config.login_defs"
    public static let summary = "Password ageing and login settings from etc/login.defs"
    public static let file = "etc/login.defs"

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        KeyValueConfigParser(collector: collector, separator: .whitespace, normalize: { $0.uppercased() })
            .parse([file], from: files)
    }
}

import CapdoCore

/// Parses `etc/security/faillock.conf`: `deny`, `unlock_time`, `fail_interval`, `root_unlock_time`, flags
/// such as `even_deny_root` (recorded as `yes`); keys lower-case, the last value winning.
public enum FaillockParser: ConfigFileParser {
    public static let collector = "config.faillock"
    public static let summary = "Account lockout settings from etc/security/faillock.conf"
    public static let file = "etc/security/faillock.conf"

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        KeyValueConfigParser(collector: collector, separator: .equalsOrFlag, normalize: { $0.lowercased() })
            .parse([file], from: files)
    }
}

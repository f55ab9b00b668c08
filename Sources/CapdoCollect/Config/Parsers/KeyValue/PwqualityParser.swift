import CapdoCore

/// Parses libpwquality's settings: `etc/security/pwquality.conf.d/*.conf` in name order, then
/// `etc/security/pwquality.conf` (libpwquality reads the drop-in directory first, the main file last, and a
/// later value overrides). Keys lower-case; flags such as `enforce_for_root` read `yes`.
public enum PwqualityParser: ConfigFileParser {
    public static let collector = "config.pwquality"
    public static let summary = "Password quality settings from etc/security/pwquality.conf(.d)"
    public static let file = "etc/security/pwquality.conf"
    public static let directory = "etc/security/pwquality.conf.d"

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        let dropIns = files.files(in: directory) { $0.hasSuffix(".conf") && !$0.hasPrefix(".") }
        return KeyValueConfigParser(collector: collector, separator: .equalsOrFlag, normalize: { $0.lowercased() })
            .parse(dropIns + [file], from: files)
    }
}

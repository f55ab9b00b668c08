import CapdoCore
import Foundation

/// Parses kernel parameter settings the way systemd-sysctl applies them at boot (`config.sysctl`).
///
/// File order follows systemd-sysctl (sysctl.d(5)): `*.conf` names are collected from the directories
/// below; a name in an earlier directory masks the same name in later ones; the survivors are applied in
/// lexical order of their file names, whatever their directory. `etc/sysctl.conf` is not read by itself:
/// systemd-sysctl only sees it through Debian's `etc/sysctl.d/99-sysctl.conf` link, so without that link
/// its lines are not in force. The last assignment of a key wins. A drop-in linked to `/dev/null` is masked
/// (read as absent).
public enum SysctlParser: ConfigFileParser {
    public static let collector = "config.sysctl"
    public static let summary = "Kernel parameters set in sysctl.d and sysctl.conf"
    /// Drop-in directories in decreasing precedence.
    public static let directories = [
        "etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d", "usr/lib/sysctl.d", "lib/sysctl.d",
    ]
    /// The files in the order they are applied.
    public static func order(_ files: ConfigFiles) -> [String] {
        files.dropIns(in: directories, suffix: ".conf")
    }

    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var entries: [String: ConfigEntry] = [:]
        for path in order(files) {
            guard let text = reader.text(path) else { continue }
            for line in reader.lines(text, file: path) {
                switch parseLine(line.text) {
                case .none:
                    continue
                case .failure(let message):
                    reader.report(file: path, line: line.number, message.description)
                case .success(let (key, value)):
                    entries[key] = ConfigEntry(value: value, file: path, line: line.number)
                }
            }
        }
        return (reader.section(entries), reader.issues)
    }

    /// One line: nil for blank lines and comments, else the normalised key and value or a message.
    public static func parseLine(_ text: String) -> Result<(String, String), ConfigFileLineError>? {
        let line = text.trimmingCharacters(in: .whitespaces)
        if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { return nil }
        // `-key.pattern.*` without a value excludes keys from an earlier glob assignment (systemd ≥ 250).
        if line.hasPrefix("-") && !line.contains("=") { return nil }
        guard let equals = line.firstIndex(of: "=") else {
            return .failure(ConfigFileLineError("line without '=', not shown"))
        }
        var key = line[..<equals].trimmingCharacters(in: .whitespaces)
        if key.hasPrefix("-") { key.removeFirst() }
        key = normalizeKey(key.trimmingCharacters(in: .whitespaces))
        guard !key.isEmpty else { return .failure(ConfigFileLineError("assignment without a key")) }
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return .success((key, value))
    }

    /// `net.ipv4.ip_forward` for `net/ipv4/ip_forward`: when the first separator is a slash, slashes and
    /// dots swap (so `net/ipv4/conf/eth0.100/rp_filter` becomes `net.ipv4.conf.eth0/100.rp_filter`).
    public static func normalizeKey(_ key: String) -> String {
        guard let separator = key.firstIndex(where: { $0 == "." || $0 == "/" }), key[separator] == "/" else {
            return key
        }
        return String(key.map { $0 == "/" ? "." : ($0 == "." ? "/" : $0) })
    }
}

import CapdoCore
import Foundation

/// Reads the running kernel's values of security-relevant sysctl keys from `/proc/sys` (`config.sysctl_runtime`).
///
/// Live host only: under `--root` the section is absent. A key the kernel does not have (no Yama, no IPv6)
/// is left out; a file that exists but cannot be read is an issue.
public enum SysctlRuntimeParser: ConfigFileParser {
    public static let collector = "config.sysctl_runtime"
    public static let summary = "Running kernel parameters (/proc/sys) for a fixed list of security keys"
    public static let liveOnly = true
    /// The keys read, dotted as `sysctl` prints them.
    public static let keys = [
        "net.ipv4.ip_forward", "net.ipv4.conf.all.accept_redirects", "net.ipv4.conf.default.accept_redirects",
        "net.ipv4.conf.all.send_redirects", "net.ipv4.conf.all.accept_source_route", "net.ipv4.conf.all.rp_filter",
        "net.ipv4.conf.all.log_martians", "net.ipv4.icmp_echo_ignore_broadcasts", "net.ipv4.tcp_syncookies",
        "net.ipv6.conf.all.accept_redirects", "net.ipv6.conf.all.accept_ra", "kernel.randomize_va_space",
        "kernel.kptr_restrict", "kernel.dmesg_restrict", "kernel.yama.ptrace_scope", "fs.protected_hardlinks",
        "fs.protected_symlinks", "fs.suid_dumpable", "kernel.unprivileged_bpf_disabled",
        "net.ipv4.conf.default.send_redirects", "net.ipv4.conf.default.accept_source_route",
        "net.ipv4.conf.all.secure_redirects", "net.ipv4.conf.default.secure_redirects",
        "net.ipv4.conf.default.log_martians", "net.ipv4.icmp_ignore_bogus_error_responses",
        "net.ipv6.conf.default.accept_ra", "net.ipv6.conf.default.accept_redirects",
    ]

    /// `proc/sys/net/ipv4/ip_forward` for `net.ipv4.ip_forward`.
    public static func procPath(_ key: String) -> String {
        "proc/sys/" + key.replacingOccurrences(of: ".", with: "/")
    }

    /// The value as `sysctl -n` prints it: surrounding whitespace trimmed, inner whitespace runs as one tab.
    public static func value(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: "\t")
    }

    /// Reads the keys through `files`; pure apart from the reads, so tests can feed a fake `/proc`.
    public static func parse(_ files: ConfigFiles) -> (ConfigSection, [CollectionIssue]) {
        var reader = ConfigFileReader(collector: collector, files: files)
        var entries: [String: ConfigEntry] = [:]
        for key in keys {
            let path = procPath(key)
            guard let text = reader.text(path) else { continue }
            entries[key] = ConfigEntry(value: value(text), file: path)
        }
        return (reader.section(entries), reader.issues)
    }
}

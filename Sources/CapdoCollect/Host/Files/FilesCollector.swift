import CapdoCore

/// Records metadata (lstat: kind, mode, owner, size, mtime; never content) of security-relevant files.
public struct FilesCollector: Collector {
    public let id = "files"
    public let summary = "Metadata of security-relevant files (/etc/shadow, /etc/sudoers, …)"

    /// The files listed in docs/facts.md, as absolute paths inside the root.
    public static let paths = [
        "/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow", "/etc/ssh/sshd_config", "/etc/sudoers",
        "/etc/crontab", "/etc/login.defs", "/boot/grub/grub.cfg", "/etc/security/opasswd", "/var/log/auth.log",
        "/etc/hosts.equiv", "/root/.rhosts", "/etc/at.allow", "/etc/cron.allow",
    ]

    public init() {}

    public func collect(in environment: HostEnvironment) async -> CollectorOutput {
        var files: [String: FileFact] = [:]
        for path in Self.paths { files[path] = environment.files.stat(path) }
        return CollectorOutput(files: files)
    }
}

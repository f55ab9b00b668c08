import CapdoCore
import Foundation

/// The one door through which collectors see a host: root directory, clock, file reader, process runner, and the
/// TLS and LAN sources the app registers.
///
/// Tests point `root` at a fixture tree and fix `now`. With a root other than "/", nothing is read
/// from the live host: no `/proc`, no `systemctl`, and symlinks resolve inside the root.
public struct HostEnvironment: Sendable {
    /// Absolute path of the scanned root ("/" for the live host).
    public var root: String
    public var now: Date
    /// True when scanning the running system (root "/" and not disabled): `/proc` and `systemctl` may be used.
    public var live: Bool
    public var files: FileReader
    /// Runs read-only commands (`systemctl is-active`); nil when not live.
    public var processes: ProcessRunner?
    /// The management evidence folder (absolute host path), when configured.
    public var evidenceFolder: String?
    /// Directories (inside the root) searched for backup artefacts.
    public var backupPaths: [String]
    /// Probes TLS endpoints and reads certificates for `TLSCollector`; nil: no `tls` section.
    public var tls: (any TLSFactSource)?
    /// Reads a capture for `LanCollector`; nil: no `lan` section.
    public var lan: (any LanFactSource)?
    /// Debian's release tables (`debian.csv`, `ubuntu.csv` of distro-info-data) on the scanning machine, not in the
    /// scanned root: capdo's own reference data, read by the `os_support` follow-up.
    public var distroInfoDirectory = "/usr/share/distro-info"
    /// Parses shared between collectors of this scan.
    public let cache = ParseCache()

    public init(
        root: String, now: Date, live: Bool? = nil, evidenceFolder: String? = nil,
        backupPaths: [String] = ["var/backups/capdo", "srv/backup", "srv/backups", "backup", "var/backup"],
        processes: ProcessRunner? = nil
    ) {
        let normalized = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = normalized
        self.now = now
        let isLive = live ?? (normalized == "/")
        self.live = isLive
        self.files = FileReader(root: normalized)
        self.processes = processes ?? (isLive ? ProcessRunner() : nil)
        self.evidenceFolder = evidenceFolder
        self.backupPaths = backupPaths
    }
}

import Foundation

/// Everything the collectors saw on one host: plain data, no verdicts.
///
/// Written by `capdo collect`, read by `capdo evaluate`; the rules engine sees it as a `FactValue` tree
/// whose shape is documented in `docs/facts.md`. Sections are nil when their collector did not run;
/// a collector that ran but could not look records a `CollectionIssue` instead.
public struct HostSnapshot: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var collectedAt: Date
    public var scanner: ScannerInfo
    /// The root directory the facts were read from ("/" for the live host).
    public var root: String
    /// True when the live host was scanned (so `systemctl` and `/proc` were consulted).
    public var live: Bool
    public var system: SystemFacts?
    public var packages: PackageFacts?
    public var updates: UpdateFacts?
    /// Configuration by source id (`sshd`, `login_defs`, `pam`, `sysctl`, …): see docs/facts.md.
    public var config: [String: ConfigSection]
    public var accounts: AccountFacts?
    public var services: ServiceFacts?
    public var listeners: ListenerFacts?
    public var logs: LogFacts?
    /// Metadata of security-relevant files, keyed by absolute path inside the root.
    public var files: [String: FileFact]
    public var backup: BackupFacts?
    public var evidence: EvidenceFacts?
    /// Anti-malware products (ClamAV, Defender, status files); nil when not collected.
    public var antivirus: AntivirusFacts?
    /// Windows-only facts (from the Windows collection script); nil on other hosts.
    public var windows: WindowsFacts?
    /// Until when the OS release receives security updates (`os_support` follow-up; Windows: `WindowsLifecycle`).
    public var osSupport: OSSupportFacts?
    /// TLS endpoints and certificates (`capdo tls`, `scan --tls`, certificate files named in web/mail configs).
    public var tls: TLSFacts?
    /// LAN findings from a capture, a live interface or an active scan (`capdo lan`, `capdo scan --pcap`).
    public var lan: LanFacts?
    public var issues: [CollectionIssue]
    public var collectors: [CollectorRun]

    public init(
        collectedAt: Date, scanner: ScannerInfo = .current, root: String, live: Bool,
        system: SystemFacts? = nil, packages: PackageFacts? = nil, updates: UpdateFacts? = nil,
        config: [String: ConfigSection] = [:],
        accounts: AccountFacts? = nil, services: ServiceFacts? = nil, listeners: ListenerFacts? = nil,
        logs: LogFacts? = nil, files: [String: FileFact] = [:], backup: BackupFacts? = nil,
        evidence: EvidenceFacts? = nil, antivirus: AntivirusFacts? = nil, windows: WindowsFacts? = nil,
        tls: TLSFacts? = nil, lan: LanFacts? = nil, issues: [CollectionIssue] = [], collectors: [CollectorRun] = [],
        osSupport: OSSupportFacts? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.collectedAt = collectedAt
        self.scanner = scanner
        self.root = root
        self.live = live
        self.system = system
        self.packages = packages
        self.updates = updates
        self.config = config
        self.accounts = accounts
        self.services = services
        self.listeners = listeners
        self.logs = logs
        self.files = files
        self.backup = backup
        self.evidence = evidence
        self.antivirus = antivirus
        self.windows = windows
        self.osSupport = osSupport
        self.tls = tls
        self.lan = lan
        self.issues = issues
        self.collectors = collectors
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case collectedAt = "collected_at"
        case scanner, root, live, system, packages, updates, config, accounts, services, listeners, logs, files
        case backup, evidence, antivirus, windows
        case osSupport = "os_support"
        case tls, lan, issues, collectors
    }

    /// The host name for reports: the collected hostname, else the root's last path component.
    public var hostName: String {
        if let name = system?.hostname, !name.isEmpty { return name }
        if system == nil, let lan { return lan.segment }
        return URL(fileURLWithPath: root).lastPathComponent
    }
}

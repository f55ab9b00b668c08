import Foundation

/// The findings for one host and what was seen of it.
public struct HostResult: Codable, Sendable, Equatable {
    public var host: String
    public var root: String
    public var live: Bool
    public var os: String?
    public var kernel: String?
    public var collectedAt: Date
    public var packageCount: Int?
    public var findings: [Finding]
    /// What collectors could not read (also shown as `error` findings on the rules that needed it).
    public var issues: [CollectionIssue]
    public var collectors: [CollectorRun]
    /// TLS endpoints and certificates seen on this host (for the certificate inventory); nil when none were looked at.
    public var tls: TLSFacts?
    /// Anti-malware products seen on this host (for the AV status table); nil when not collected.
    public var antivirus: AntivirusFacts?
    /// LAN facts, when the host is a LAN segment (`capdo lan`) or was scanned with `--pcap`: section 6 renders them.
    public var lan: LanFacts?
    /// Set when this result is an information system's, not a host's: the management items (documents of the
    /// organisation, group `management`) judged once over these member hosts (`SystemLevelFindings`). Nil for a host.
    public var members: [String]?

    public init(
        host: String, root: String, live: Bool, os: String? = nil, kernel: String? = nil, collectedAt: Date,
        packageCount: Int? = nil, findings: [Finding], issues: [CollectionIssue], collectors: [CollectorRun],
        tls: TLSFacts? = nil, antivirus: AntivirusFacts? = nil, lan: LanFacts? = nil, members: [String]? = nil
    ) {
        self.host = host
        self.root = root
        self.live = live
        self.os = os
        self.kernel = kernel
        self.collectedAt = collectedAt
        self.packageCount = packageCount
        self.findings = findings
        self.issues = issues
        self.collectors = collectors
        self.tls = tls
        self.antivirus = antivirus
        self.lan = lan
        self.members = members
    }

    /// True for an information system's result (`members` set), false for a host's.
    public var isSystem: Bool { members != nil }

    enum CodingKeys: String, CodingKey {
        case host, root, live, os, kernel
        case collectedAt = "collected_at"
        case packageCount = "package_count"
        case findings, issues, collectors, tls, antivirus, lan, members
    }
}

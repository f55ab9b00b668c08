import Foundation

/// Everything a report needs: who ran what against which hosts, and every finding.
///
/// Reporters are pure functions of this value; it carries its own times and scanner version so that
/// output is byte-stable.
public struct ScanResult: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var scanner: ScannerInfo
    public var startedAt: Date
    public var finishedAt: Date
    public var organisation: Organisation
    public var profile: ProfileInfo
    public var ruleSet: RuleSetInfo
    /// `legacy` (TT12 + TCVN 11930 ids first, new-regime ids alongside).
    public var regime: String
    public var hosts: [HostResult] { didSet { memo = ScanMemo() } }
    public var controls: [ControlItem] { didSet { memo = ScanMemo() } }
    /// Every waiver loaded, with whether it is still in force.
    public var waivers: [WaiverStatus]
    /// Changes since the previous scan of the same hosts (section 8); nil when no history is kept.
    public var changes: ScanChanges?
    /// The information systems of `capdo.yaml` the scanned hosts belong to (Mẫu 08 summary); nil when none.
    public var systems: [InformationSystemSummary]?
    /// `--as-of`: the time ages were judged against instead of the scan time (a sample's or an old snapshot's date);
    /// nil for a scan judged as of its own time. Every report states it.
    public var asOf: Date?
    /// The folder, relative to the report, holding one detail report per host (`HostDetailFiles`); nil when the
    /// report has none (a single host, or a format without them). Not encoded: it describes the files written.
    public var hostDetails: String?
    /// All findings and the summary, derived once (not encoded, not compared).
    private var memo = ScanMemo()

    public init(
        scanner: ScannerInfo = .current, startedAt: Date, finishedAt: Date, organisation: Organisation,
        profile: ProfileInfo, ruleSet: RuleSetInfo, regime: String = "legacy", hosts: [HostResult],
        controls: [ControlItem], waivers: [WaiverStatus]
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.scanner = scanner
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.organisation = organisation
        self.profile = profile
        self.ruleSet = ruleSet
        self.regime = regime
        self.hosts = hosts
        self.controls = controls
        self.waivers = waivers
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case scanner
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case organisation, profile
        case ruleSet = "rule_set"
        case regime, hosts, controls, waivers, changes, systems
        case asOf = "as_of"
    }

    /// The time ages are judged against: `asOf`, else the end of the scan.
    public var referenceTime: Date { asOf ?? finishedAt }

    /// All findings of all hosts, in report order.
    public var allFindings: [Finding] {
        memo.findings { findingsInReportOrder.copied }
    }

    /// All findings of all hosts, in report order, read in place (no copy of a fleet's findings).
    public var findingsInReportOrder: FindingsInReportOrder {
        memo.ordered { FindingsInReportOrder(hosts.map(\.findings)) }
    }

    /// Counts, group scores and per-item verdicts (`ScanSummary`), derived once.
    public var summary: ScanSummary {
        memo.summary { ScanSummary(self) }
    }

    /// The process exit code of the design: 1 when an input could not be read (a snapshot, a capture, a
    /// certificate file: an `unreadable` issue), else 2 when any finding fails, else 0. A run that could not read
    /// all it was given exits 1 even when other hosts fail: its verdict is incomplete, and 2 would pass for a
    /// complete one. The report still lists every failing finding.
    public var exitCode: Int32 {
        if hosts.contains(where: { $0.issues.contains { $0.level == .unreadable } }) { return 1 }
        return hosts.contains { $0.findings.contains { $0.status == .fail } } ? 2 : 0
    }
}

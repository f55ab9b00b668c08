/// The verdict of one rule on one host, with its evidence.
public struct Finding: Codable, Sendable, Hashable {
    public var ruleID: String
    public var host: String
    public var title: LocalizedText
    public var requirement: RequirementRef
    public var group: RequirementGroup
    public var severity: Severity
    public var status: FindingStatus
    /// Why: for `not_applicable`, `error`, `manual` and `waived`, and a one-line summary otherwise.
    public var reason: LocalizedText?
    public var evidence: [Evidence]
    public var remediation: LocalizedText
    public var thresholdSource: String
    /// Rule file and line (`Rules/level2/server/…yaml:12`).
    public var ruleLocation: String
    public var waiver: AppliedWaiver?

    public init(
        ruleID: String, host: String, title: LocalizedText, requirement: RequirementRef, group: RequirementGroup,
        severity: Severity, status: FindingStatus, reason: LocalizedText? = nil, evidence: [Evidence],
        remediation: LocalizedText, thresholdSource: String, ruleLocation: String, waiver: AppliedWaiver? = nil
    ) {
        self.ruleID = ruleID
        self.host = host
        self.title = title
        self.requirement = requirement
        self.group = group
        self.severity = severity
        self.status = status
        self.reason = reason
        self.evidence = evidence
        self.remediation = remediation
        self.thresholdSource = thresholdSource
        self.ruleLocation = ruleLocation
        self.waiver = waiver
    }

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule_id"
        case host, title, requirement, group, severity, status, reason, evidence, remediation
        case thresholdSource = "threshold_source"
        case ruleLocation = "rule_location"
        case waiver
    }

    /// The one order used everywhere: severity, requirement item (numerically: 1.2.10 after 1.2.9), rule id, host.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        ReportOrderKey(lhs) < ReportOrderKey(rhs)
    }

    /// `findings` in report order (a stable sort): each distinct rule and host is ranked once
    /// (`ReportOrderSort`), so a fleet's million findings sort on integers.
    public static func sortedForReport(_ findings: [Finding]) -> [Finding] {
        ReportOrderSort.order(findings).map { findings[$0] }
    }

    /// Rules in the order of their findings in a report: one host's findings made in this order are already sorted
    /// (`sortedForReport` would leave them as they are), so fleet evaluation sorts the rules once, not every host.
    public static func reportOrder(of rules: [Rule]) -> [Rule] {
        rules.map { (ReportOrderKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

import Foundation

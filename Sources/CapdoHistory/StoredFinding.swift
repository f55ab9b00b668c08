import CapdoCore

/// A finding as the history keeps it: enough to diff and to show, without the full rule text.
public struct StoredFinding: Sendable, Equatable {
    public var host: String
    public var ruleID: String
    public var status: FindingStatus
    public var severity: Severity
    public var group: RequirementGroup
    public var item: String
    public var title: LocalizedText
    /// What the non-passing evidence found, one `subject: found` per line (locations left out: lines move).
    public var found: String

    public init(
        host: String, ruleID: String, status: FindingStatus, severity: Severity, group: RequirementGroup, item: String,
        title: LocalizedText, found: String
    ) {
        self.host = host
        self.ruleID = ruleID
        self.status = status
        self.severity = severity
        self.group = group
        self.item = item
        self.title = title
        self.found = found
    }

    public init(_ finding: Finding) {
        self.init(
            host: finding.host, ruleID: finding.ruleID, status: finding.status, severity: finding.severity,
            group: finding.group, item: finding.requirement.item, title: finding.title,
            found: Self.found(finding.evidence))
    }

    /// The comparable summary of a finding's evidence.
    public static func found(_ evidence: [Evidence]) -> String {
        var result = ""
        var first = true
        for item in evidence where item.outcome != .pass {
            if !first { result += "\n" }
            first = false
            result += item.subject
            result += ": "
            result += item.found
        }
        return result
    }

    /// Whether the status asks for action (fail, warn, error).
    public var needsAction: Bool { Self.needsAction(status) }

    public static func needsAction(_ status: FindingStatus) -> Bool {
        status == .fail || status == .warn || status == .error
    }
}

/// One rule on one host whose verdict differs between two scans.
public struct FindingChange: Codable, Sendable, Hashable {
    public var host: String
    public var ruleID: String
    public var title: LocalizedText
    public var item: String
    public var severity: Severity
    /// Status in the earlier scan; nil when the rule was not evaluated on this host then.
    public var before: FindingStatus?
    /// Status now; nil when the rule is no longer evaluated on this host.
    public var after: FindingStatus?
    /// What the failing evidence found before and now (one line per evidence), when it differs.
    public var foundBefore: String?
    public var foundAfter: String?

    public init(
        host: String, ruleID: String, title: LocalizedText, item: String, severity: Severity, before: FindingStatus?,
        after: FindingStatus?, foundBefore: String? = nil, foundAfter: String? = nil
    ) {
        self.host = host
        self.ruleID = ruleID
        self.title = title
        self.item = item
        self.severity = severity
        self.before = before
        self.after = after
        self.foundBefore = foundBefore
        self.foundAfter = foundAfter
    }

    enum CodingKeys: String, CodingKey {
        case host
        case ruleID = "rule_id"
        case title, item, severity, before, after
        case foundBefore = "found_before"
        case foundAfter = "found_after"
    }

    /// Report order: host, severity, rule id.
    public static func order(_ lhs: FindingChange, _ rhs: FindingChange) -> Bool {
        if lhs.host != rhs.host { return lhs.host < rhs.host }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return lhs.ruleID < rhs.ruleID
    }
}

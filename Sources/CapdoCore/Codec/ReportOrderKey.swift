/// The sort key of `Finding.reportOrder`: severity rank, the item's numeric parts, rule id, host.
struct ReportOrderKey: Comparable {
    var severity: Int
    var item: [Int]
    var itemText: String
    var ruleID: String
    var host: String

    init(_ finding: Finding) {
        self.init(
            severity: finding.severity, requirement: finding.requirement, ruleID: finding.ruleID, host: finding.host)
    }

    /// The key of a rule's findings on one host (all hosts: the same order).
    init(_ rule: Rule) {
        self.init(severity: rule.severity, requirement: rule.requirement, ruleID: rule.id, host: "")
    }

    private init(severity: Severity, requirement: RequirementRef, ruleID: String, host: String) {
        self.severity = severity.rank
        itemText = requirement.item
        item = itemText.split(separator: ".").map { Int($0) ?? Int.max }
        self.ruleID = ruleID
        self.host = host
    }

    static func < (lhs: ReportOrderKey, rhs: ReportOrderKey) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.item != rhs.item { return lhs.item.lexicographicallyPrecedes(rhs.item) }
        if lhs.itemText != rhs.itemText { return lhs.itemText < rhs.itemText }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.host < rhs.host
    }
}

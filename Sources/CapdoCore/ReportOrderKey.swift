/// The sort key of `Finding.reportOrder`: severity rank, the item's numeric parts, rule id, host.
struct ReportOrderKey: Comparable {
    var severity: Int
    var item: [Int]
    var itemText: String
    var ruleID: String
    var host: String

    init(_ finding: Finding) {
        severity = finding.severity.rank
        itemText = finding.requirement.item
        item = itemText.split(separator: ".").map { Int($0) ?? Int.max }
        ruleID = finding.ruleID
        host = finding.host
    }

    static func < (lhs: ReportOrderKey, rhs: ReportOrderKey) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.item != rhs.item { return lhs.item.lexicographicallyPrecedes(rhs.item) }
        if lhs.itemText != rhs.itemText { return lhs.itemText < rhs.itemText }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.host < rhs.host
    }
}

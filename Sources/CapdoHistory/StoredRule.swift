import CapdoCore

/// A row of table `rule`: what a stored finding shows besides its host, rule id, status and found text.
struct StoredRule {
    var title: LocalizedText
    var severity: Severity
    var group: RequirementGroup
    var item: String
}

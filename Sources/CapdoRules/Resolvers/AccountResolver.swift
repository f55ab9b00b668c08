import CapdoCore

/// `account: { where: { uid: 0, name: {not_equals: root} }, count: {equals: 0} }`: the local accounts a `where`
/// selects (passwd joined with shadow), counted.
struct AccountResolver: ResourceResolver {
    let kind: ResourceKind = "account"
    let selectorKeys: Set<String> = ["where"]
    static let section = "accounts"
    static let list = FactPath([section, "accounts"])

    /// Account fields read from etc/shadow: a match on them is located at the shadow line, and judging them needs
    /// a readable shadow file.
    static let shadowFields: Set<String> = [
        "password", "last_change", "max_days", "min_days", "warn_days", "inactive_days", "expires",
    ]

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        listPaths(Self.list, selector)
    }

    func collectionPaths(_ selector: [String: FactValue]) -> [String] { [Self.list.description] }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        evaluator.judgeCollection(
            at: Self.list.description, label: Self.section, section: Self.section, observation: false)
    }
}

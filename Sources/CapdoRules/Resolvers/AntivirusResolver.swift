import CapdoCore

/// `antivirus: { where: { real_time: true }, count: {ge: 1} }`: `antivirus.products` like `items`, except that any
/// error the antivirus collector reported (a corrupt database, an export that is not JSON) makes the check an
/// `error` naming the file: a broken source must never let the host pass.
struct AntivirusResolver: ResourceResolver {
    let kind: ResourceKind = "antivirus"
    let selectorKeys: Set<String> = ["where"]
    static let section = "antivirus"
    static let list = FactPath([section, "products"])

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        listPaths(Self.list, selector)
    }

    func collectionPaths(_ selector: [String: FactValue]) -> [String] { [Self.list.description] }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let label = "anti-malware products"
        guard evaluator.facts[Self.section] != nil else {
            return evaluator.unknown(
                label, evaluator.context.missing(section: Self.section, collectorPrefixes: [Self.section]))
        }
        let errors = evaluator.context.errors(of: Self.section)
        if !errors.isEmpty {
            return evaluator.unknown(
                label, .unknown(issues: errors.map(\.description), error: true))
        }
        let items = evaluator.facts.value(atPath: Self.list.description)?.arrayValue ?? []
        return evaluator.judgeCollection(
            label, items, locationPath: Self.section, observation: false, listPath: Self.list.description)
    }
}

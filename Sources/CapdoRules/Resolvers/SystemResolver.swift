import CapdoCore

/// `system: { field: os_family, in: [debian, ubuntu] }`: one field of the operating-system facts.
struct SystemResolver: ResourceResolver {
    let kind: ResourceKind = "system"
    let selectorKeys: Set<String> = ["field"]
    let requiredKeys = [["field"]]
    static let section = "system"

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [FactPath([Self.section, selector["field"]?.stringValue ?? ""])]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let field = evaluator.check.selector["field"]?.stringValue ?? ""
        guard let system = evaluator.facts[Self.section] else {
            return evaluator.unknown(
                "system \(field)", evaluator.context.missing(section: Self.section, collectorPrefixes: [Self.section]))
        }
        let location = system["source"]?.stringValue
        return evaluator.judgeValue("system \(field)", system[field], location: location) { requirement, matchers in
            EvidenceSentence.system(
                field: field, value: system[field], prettyName: system["pretty_name"]?.stringValue, matchers: matchers,
                location: location, requirement: requirement)
        }
    }
}

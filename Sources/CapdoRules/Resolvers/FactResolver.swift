import CapdoCore

/// `fact: { path: logs.auth.oldest_entry, age_days: {le: 7} }`: the value at a dotted path; absent means *not set*,
/// unless the path's first component (its section) is missing, which means not collected.
struct FactResolver: ResourceResolver {
    let kind: ResourceKind = "fact"
    let selectorKeys: Set<String> = ["path"]
    let requiredKeys = [["path"]]

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        [FactPath(dotted: selector["path"]?.stringValue ?? "")]
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let facts = evaluator.facts
        let path = evaluator.check.selector["path"]?.stringValue ?? ""
        let head = String(path.split(separator: ".").first ?? "")
        guard facts[head] != nil else {
            return evaluator.unknown(
                "fact \(path)", evaluator.context.missing(section: head, collectorPrefixes: [head]))
        }
        let value = facts.value(atPath: path)
        let location = ResourceEvaluator.nearestLocation(facts, path: path)
        return evaluator.judgeValue("fact \(path)", value, location: location) { requirement, _ in
            EvidenceSentence.fact(path: path, value: value, location: location, requirement: requirement)
        }
    }
}

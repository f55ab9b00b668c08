import CapdoCore

/// `items: { path: backup.jobs, where: { target: {exists: true} }, count: {ge: 1} }`: any list in the facts tree,
/// its section being the path's first component.
struct ItemsResolver: ResourceResolver {
    let kind: ResourceKind = "items"
    let selectorKeys: Set<String> = ["path", "where"]
    let requiredKeys = [["path"]]

    /// Sections whose lists are what a capture saw crossing the network: finding nothing there is no proof on its
    /// own (the rule's `absence_proof` must say why it counts).
    static let observedSections: Set<String> = ["lan"]

    func factPaths(_ selector: [String: FactValue]) -> [FactPath] {
        listPaths(FactPath(dotted: selector["path"]?.stringValue ?? ""), selector)
    }

    func collectionPaths(_ selector: [String: FactValue]) -> [String] {
        [selector["path"]?.stringValue].compactMap { $0 }
    }

    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result {
        let path = evaluator.check.selector["path"]?.stringValue ?? ""
        let section = String(path.split(separator: ".").first ?? "")
        return evaluator.judgeCollection(
            at: path, label: path, section: section,
            observation: Self.observedSections.contains { path.hasPrefix($0 + ".") })
    }
}

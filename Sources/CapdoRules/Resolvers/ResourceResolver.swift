import CapdoCore

/// One kind of resource in the rule language (`config`, `package`, …): the selector keys a check of it takes, the
/// facts it reads, and how it judges them. `CheckParser` validates rules from this declaration and the catalogue's
/// fact-coverage test reads `factPaths`, so a kind is described in its resolver's file and listed in
/// `ResourceResolvers`, nowhere else.
protocol ResourceResolver: Sendable {
    /// The key naming the resource in a rule (`config: {…}`).
    var kind: ResourceKind { get }
    /// The keys that select what is judged; every other key of the resource is a matcher (or an attribute).
    var selectorKeys: Set<String> { get }
    /// Groups of selector keys a check must give one of, each (`[["source"], ["key"]]`, `[["name", "names"]]`).
    var requiredKeys: [[String]] { get }
    /// Attributes of the selected thing that take a value or nested matchers (`file`'s `mode: "0640"`,
    /// `uid: {le: 999}`), kept in the selector as `attr.<name>`.
    var attributeKeys: Set<String> { get }
    /// The fact paths a check with this selector reads: its section first, then the values or item fields judged.
    func factPaths(_ selector: [String: FactValue]) -> [FactPath]
    /// The collections a check counts or searches, as dotted paths: the example runner empties them to show that
    /// finding nothing in an empty list is no proof.
    func collectionPaths(_ selector: [String: FactValue]) -> [String]
    /// Judges the check of `evaluator` against its facts.
    func resolve(_ evaluator: ResourceEvaluator) -> CheckEvaluator.Result
}

extension ResourceResolver {
    var requiredKeys: [[String]] { [] }
    var attributeKeys: Set<String> { [] }
    func collectionPaths(_ selector: [String: FactValue]) -> [String] { [] }

    /// The list at `path` and the fields a `where` clause reads of each of its items.
    func listPaths(_ path: FactPath, _ selector: [String: FactValue]) -> [FactPath] {
        [path] + (selector["where"]?.objectValue ?? [:]).keys.sorted().map { path.element($0) }
    }
}

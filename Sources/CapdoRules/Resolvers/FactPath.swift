/// A path into the facts tree as a rule reads it: object keys, `[]` for each element of a list, `*` for any key
/// of an object whose keys are names (units, files).
struct FactPath: Hashable, Sendable, CustomStringConvertible {
    /// Stands for every element of a list.
    static let elements = "[]"
    /// Stands for any key of an object.
    static let anyKey = "*"

    var components: [String]

    init(_ components: [String]) {
        self.components = components
    }

    /// A dotted path (`logs.auth.oldest_entry`), as `fact` and `items` checks write it.
    init(dotted: String) {
        components = dotted.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
    }

    /// The field `key` of every element of the list at this path.
    func element(_ key: String) -> FactPath { FactPath(components + [Self.elements, key]) }

    var description: String { components.joined(separator: ".") }
}

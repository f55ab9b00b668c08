/// What makes two YAML mapping keys the same key: their text and structure with their resolved tags, lines left out.
///
/// `YAMLEventReader` reports a duplicate key with the same rules and order as the Yams composer it replaced: a
/// scalar's tag is `!!str` unless given (the basic schema resolves no implicit tags), so `1:` and `"1":` are one key,
/// and `!!int 1:` another. A tag equal to its kind's default is kept as nil.
enum YAMLKeyShape: Hashable {
    case scalar(String, tag: String?)
    case sequence([YAMLKeyShape], tag: String?)
    /// Keys and values alternating: key, value, key, value.
    case mapping([YAMLKeyShape], tag: String?)

    static let stringTag = "tag:yaml.org,2002:str"
    static let sequenceTag = "tag:yaml.org,2002:seq"
    static let mappingTag = "tag:yaml.org,2002:map"
    /// `!!value`: a mapping key holding this tag gives the mapping's text as a key (YAML's "value" type).
    static let valueTag = "tag:yaml.org,2002:value"

    /// The tag as the shape keeps it: nil for the kind's default, for none (`""`) and for the non-specific `!`.
    static func resolvedTag(_ tag: String?, default defaultTag: String) -> String? {
        guard let tag, !tag.isEmpty, tag != "!", tag != defaultTag else { return nil }
        return tag
    }

    /// The key's text: a scalar's string; a mapping's `!!value` member, if it has one; nil otherwise.
    var text: String? {
        switch self {
        case .scalar(let string, _): return string
        case .sequence: return nil
        case .mapping(let members, _):
            for index in stride(from: 0, to: members.count - 1, by: 2) where members[index].tag == Self.valueTag {
                return members[index + 1].text
            }
            return nil
        }
    }

    var tag: String? {
        switch self {
        case .scalar(_, let tag), .sequence(_, let tag), .mapping(_, let tag): return tag
        }
    }

    /// The composer's order for listing duplicates: scalars by text, lists item by item, mappings key by key, then
    /// the shorter first; shapes of different kinds are unordered.
    static func precedes(_ lhs: YAMLKeyShape, _ rhs: YAMLKeyShape) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let left, _), .scalar(let right, _)):
            return left < right
        case (.sequence(let left, _), .sequence(let right, _)):
            return precedes(left, right, stride: 1)
        case (.mapping(let left, _), .mapping(let right, _)):
            return precedes(left, right, stride: 2)
        default:
            return false
        }
    }

    /// Lexicographic order over every `stride`-th element (mappings compare keys only), then by length.
    private static func precedes(_ lhs: [YAMLKeyShape], _ rhs: [YAMLKeyShape], stride step: Int) -> Bool {
        for index in stride(from: 0, to: min(lhs.count, rhs.count), by: step) {
            if precedes(lhs[index], rhs[index]) { return true }
            if precedes(rhs[index], lhs[index]) { return false }
        }
        return lhs.count < rhs.count
    }
}

import CapdoCore

/// A parsed YAML node that remembers its line: the loader's input, so every error can say `file:line`.
///
/// Yams' own `Node` is not `Sendable`; the loader converts it to this once, straight after parsing.
indirect enum YNode: Sendable {
    case scalar(FactValue, line: Int)
    case sequence([YNode], line: Int)
    case mapping([(key: String, keyLine: Int, value: YNode)], line: Int)

    var line: Int {
        switch self {
        case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line): return line
        }
    }

    var kindName: String {
        switch self {
        case .scalar: return "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// Member lookup in a mapping.
    subscript(key: String) -> YNode? {
        if case .mapping(let pairs, _) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    var keys: [String] {
        if case .mapping(let pairs, _) = self { return pairs.map(\.key) }
        return []
    }

    var pairs: [(key: String, keyLine: Int, value: YNode)] {
        if case .mapping(let pairs, _) = self { return pairs }
        return []
    }

    var items: [YNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    var scalar: FactValue? {
        if case .scalar(let value, _) = self { return value }
        return nil
    }

    /// The plain fact tree (line numbers dropped): for examples and operands.
    var factValue: FactValue {
        switch self {
        case .scalar(let value, _): return value
        case .sequence(let items, _): return .array(items.map(\.factValue))
        case .mapping(let pairs, _):
            var members: [String: FactValue] = [:]
            for pair in pairs { members[pair.key] = pair.value.factValue }
            return .object(members)
        }
    }
}

/// A comparison applied to a resolved value (`le: 90`, `in: [no]`, `version_ge: "1:9.2"`, `age_days: {le: 7}`).
public struct Matcher: Sendable, Hashable {
    public var op: MatcherOperator
    /// The operand; may contain `${variable}` references resolved from the profile.
    public var operand: FactValue {
        didSet { hasVariables = operand.refersToVariables }
    }
    /// Whether the operand holds a `${…}` reference (decided once: most operands are used as they are).
    public private(set) var hasVariables: Bool
    /// For `age_days` and `count`: matchers applied to the derived number.
    public var nested: [Matcher]

    public init(op: MatcherOperator, operand: FactValue, nested: [Matcher] = []) {
        self.op = op
        self.operand = operand
        self.nested = nested
        hasVariables = operand.refersToVariables
    }
}

extension FactValue {
    /// Whether this value holds a `${name}` reference to a profile variable (in a string or an array's strings).
    public var refersToVariables: Bool {
        switch self {
        case .string(let text): return text.utf8.contains(UInt8(ascii: "$")) && text.contains("${")
        case .array(let items): return items.contains { $0.refersToVariables }
        default: return false
        }
    }
}

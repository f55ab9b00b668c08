/// A comparison applied to a resolved value (`le: 90`, `in: [no]`, `version_ge: "1:9.2"`, `age_days: {le: 7}`).
public struct Matcher: Sendable, Hashable {
    public var op: MatcherOperator
    /// The operand; may contain `${variable}` references resolved from the profile.
    public var operand: FactValue
    /// For `age_days` and `count`: matchers applied to the derived number.
    public var nested: [Matcher]

    public init(op: MatcherOperator, operand: FactValue, nested: [Matcher] = []) {
        self.op = op
        self.operand = operand
        self.nested = nested
    }
}

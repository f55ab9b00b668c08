/// One example: a fragment of the facts tree and where it was written.
public struct RuleExample: Sendable, Hashable {
    public var facts: FactValue
    public var location: SourceLocation

    public init(facts: FactValue, location: SourceLocation) {
        self.facts = facts
        self.location = location
    }
}

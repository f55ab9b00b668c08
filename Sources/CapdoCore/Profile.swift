/// A selection of rules and the thresholds they use (`Rules/profiles/level2.yaml`).
public struct Profile: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    /// Glob patterns over rule ids (`srv.*`); empty means every rule.
    public var include: [String]
    public var exclude: [String]
    public var variables: [String: ProfileVariable]
    public var location: SourceLocation?

    public init(
        id: String, title: LocalizedText, include: [String] = [], exclude: [String] = [],
        variables: [String: ProfileVariable] = [:], location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.include = include
        self.exclude = exclude
        self.variables = variables
        self.location = location
    }

    /// True when the rule id is selected by this profile.
    public func selects(_ ruleID: String) -> Bool {
        let included = include.isEmpty || include.contains { Glob.matches($0, ruleID, brackets: false) }
        return included && !exclude.contains { Glob.matches($0, ruleID, brackets: false) }
    }
}

/// One rule of a Phụ lục II item and how strongly it covers the item (`capdo rules list --items`, the report's
/// item rows).
public struct RuleCoverage: Codable, Sendable, Hashable {
    public var rule: String
    public var strength: CoverageStrength

    public init(rule: String, strength: CoverageStrength) {
        self.rule = rule
        self.strength = strength
    }
}

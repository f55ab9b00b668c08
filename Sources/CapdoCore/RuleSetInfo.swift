/// Which rule catalogue judged: its version and size, for the report's legal-basis section.
public struct RuleSetInfo: Codable, Sendable, Equatable {
    public var version: String
    public var ruleCount: Int
    /// SHA-256 over the rule files' bytes, so two reports can be shown to use the same rules.
    public var digest: String?

    public init(version: String, ruleCount: Int, digest: String? = nil) {
        self.version = version
        self.ruleCount = ruleCount
        self.digest = digest
    }

    enum CodingKeys: String, CodingKey {
        case version
        case ruleCount = "rule_count"
        case digest
    }
}

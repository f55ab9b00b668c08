/// One Phụ lục II item and the rules that cover it (`Rules/controls/tt12-level2.yaml`).
public struct ControlItem: Codable, Sendable, Hashable {
    public enum Coverage: String, Codable, Sendable {
        case automated, partial, manual
    }

    /// Item number as in the annex (`1.2.1`); management items are in section `I`, technical in `II.1`/`II.2`.
    public var id: String
    public var section: String
    public var group: RequirementGroup
    public var title: LocalizedText
    public var tcvn11930: String?
    public var newAtLevel2: Bool
    public var coverage: Coverage
    public var rules: [String]
    public var notes: LocalizedText?
    /// True when the TCVN 11930 clause is inferred from the numbering rather than stated by the annex (II.1 items).
    public var tcvn11930Inferred: Bool
    /// How strongly a listed rule covers the item, where the controls file or the rule says so; see `strength(of:)`.
    public var strengths: [String: CoverageStrength]

    public init(
        id: String, section: String, group: RequirementGroup, title: LocalizedText, tcvn11930: String?,
        newAtLevel2: Bool, coverage: Coverage, rules: [String], notes: LocalizedText? = nil,
        tcvn11930Inferred: Bool = false, strengths: [String: CoverageStrength] = [:]
    ) {
        self.id = id
        self.section = section
        self.group = group
        self.title = title
        self.tcvn11930 = tcvn11930
        self.newAtLevel2 = newAtLevel2
        self.coverage = coverage
        self.rules = rules
        self.notes = notes
        self.tcvn11930Inferred = tcvn11930Inferred
        self.strengths = strengths
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        section = try container.decode(String.self, forKey: .section)
        group = try container.decode(RequirementGroup.self, forKey: .group)
        title = try container.decode(LocalizedText.self, forKey: .title)
        tcvn11930 = try container.decodeIfPresent(String.self, forKey: .tcvn11930)
        newAtLevel2 = try container.decode(Bool.self, forKey: .newAtLevel2)
        coverage = try container.decode(Coverage.self, forKey: .coverage)
        rules = try container.decode([String].self, forKey: .rules)
        notes = try container.decodeIfPresent(LocalizedText.self, forKey: .notes)
        tcvn11930Inferred = try container.decodeIfPresent(Bool.self, forKey: .tcvn11930Inferred) ?? false
        strengths = try container.decodeIfPresent([String: CoverageStrength].self, forKey: .strengths) ?? [:]
    }

    /// How strongly `rule` covers the item: as declared, else from the item's coverage (`automated` → automated,
    /// `partial` → partial, `manual` → attestation).
    public func strength(of rule: String) -> CoverageStrength {
        if let declared = strengths[rule] { return declared }
        switch coverage {
        case .automated: return .automated
        case .partial: return .partial
        case .manual: return .attestation
        }
    }

    /// The item's rules with their strengths, in the controls file's order.
    public var ruleCoverage: [RuleCoverage] {
        rules.map { RuleCoverage(rule: $0, strength: strength(of: $0)) }
    }

    /// The item as rules cite it in `requirement.tt12`: `II.2 1.2.1`.
    public var reference: String { section + " " + id }

    /// Whether a finding of rule `ruleID` on this item counts for it: the rules the controls file lists, or any rule
    /// citing the item when the file lists none.
    public func counts(_ ruleID: String) -> Bool { rules.isEmpty || rules.contains(ruleID) }

    enum CodingKeys: String, CodingKey {
        case id, section, group, title, tcvn11930
        case newAtLevel2 = "new_at_level2"
        case coverage, rules, notes
        case tcvn11930Inferred = "tcvn11930_inferred"
        case strengths
    }
}

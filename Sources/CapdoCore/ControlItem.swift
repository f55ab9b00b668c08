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

    public init(
        id: String, section: String, group: RequirementGroup, title: LocalizedText, tcvn11930: String?,
        newAtLevel2: Bool, coverage: Coverage, rules: [String], notes: LocalizedText? = nil
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
    }
}

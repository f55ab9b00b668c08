/// One declarative level-2 check, loaded from `Rules/level2/<group>/*.yaml`.
public struct Rule: Sendable, Hashable, Identifiable {
    /// Stable snake_case id with a domain prefix (`srv.auth.ssh_root_login_disabled`); never reused.
    public var id: String
    public var title: LocalizedText {
        didSet { textRefersToVariables = Self.refersToVariables(title, description, remediation) }
    }
    public var description: LocalizedText? {
        didSet { textRefersToVariables = Self.refersToVariables(title, description, remediation) }
    }
    public var rationale: LocalizedText?
    public var requirement: RequirementRef
    public var group: RequirementGroup
    public var severity: Severity
    /// When false the rule does not apply (`not_applicable`, with the reason).
    public var applies: Check?
    public var check: Check
    /// Checked only when `check` passes; when it fails the verdict is `warn`.
    public var warnUnless: Check?
    /// What makes "nothing found" a proof: checked when `check` passed only because a collection held no match.
    /// Without it such a pass needs a non-empty host inventory (accounts, packages, certificates) and is never
    /// accepted for `lan.*` collections, whose absence says nothing about what the capture or scan did not cover.
    public var absenceProof: Check?
    /// An attestation rule: anything short of `pass` becomes `manual` (never `fail`).
    public var manual: Bool
    public var remediation: LocalizedText {
        didSet { textRefersToVariables = Self.refersToVariables(title, description, remediation) }
    }
    /// `proposal`, or the regulation that gives the threshold (`TCVN14423`).
    public var thresholdSource: String
    public var examples: RuleExamples
    /// The YAML file and line where the rule starts.
    public var location: SourceLocation
    /// True when the title, description or remediation names a profile variable (`${password_min_length}`), which
    /// the engine fills in (`RuleEngine.rendered`): a report never shows `${…}`. Decided once, as `Matcher` does:
    /// the engine asks for every rule of every host.
    public private(set) var textRefersToVariables: Bool

    static func refersToVariables(_ texts: LocalizedText?...) -> Bool {
        texts.contains { text in
            guard let text else { return false }
            return FactValue.string(text.vi).refersToVariables || FactValue.string(text.en).refersToVariables
        }
    }

    public init(
        id: String, title: LocalizedText, description: LocalizedText? = nil, rationale: LocalizedText? = nil,
        requirement: RequirementRef, group: RequirementGroup, severity: Severity, applies: Check? = nil,
        check: Check, warnUnless: Check? = nil, absenceProof: Check? = nil, manual: Bool = false,
        remediation: LocalizedText,
        thresholdSource: String, examples: RuleExamples, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.rationale = rationale
        self.requirement = requirement
        self.group = group
        self.severity = severity
        self.applies = applies
        self.check = check
        self.warnUnless = warnUnless
        self.absenceProof = absenceProof
        self.manual = manual
        self.remediation = remediation
        self.thresholdSource = thresholdSource
        self.examples = examples
        self.location = location
        textRefersToVariables = Self.refersToVariables(title, description, remediation)
    }
}

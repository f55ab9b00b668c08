import CapdoCore

/// One line of a finding's evidence as a report shows it: a sentence, its mark, how deep it sits.
public struct EvidenceLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// One check's evidence.
        case check
        /// "Đạt khi có một trong các cách sau:" — opens a group of options.
        case alternatives
        /// One option of a group; its checks follow one level deeper when it has several.
        case option
    }

    public var kind: Kind
    /// The sentence, in the report's language, not escaped (each writer escapes it).
    public var text: String
    /// The mark of the line; nil for a group's opening line.
    public var outcome: Evidence.Outcome?
    /// 0 for a check on its own or a group's opening line, 1 for an option, 2 for a check inside an option.
    public var depth: Int
    /// The option that decided its group.
    public var decided: Bool

    public init(kind: Kind, text: String, outcome: Evidence.Outcome?, depth: Int, decided: Bool = false) {
        self.kind = kind
        self.text = text
        self.outcome = outcome
        self.depth = depth
        self.decided = decided
    }
}

/// The matcher vocabulary of rules (docs/rules.md).
public enum MatcherOperator: String, Sendable, Hashable, CaseIterable {
    case equals
    case notEquals = "not_equals"
    case `in`
    case notIn = "not_in"
    case lt, le, gt, ge
    case matches
    case notMatches = "not_matches"
    case contains
    case notContains = "not_contains"
    case versionLt = "version_lt"
    case versionLe = "version_le"
    case versionGt = "version_gt"
    case versionGe = "version_ge"
    case exists
    /// File permission bits no wider than the operand (`mode_within: "0640"`).
    case modeWithin = "mode_within"
    /// A list of port ranges (`["1-1024", "3306"]`) that includes every port of the operand.
    case coversPorts = "covers_ports"
    /// Days between a date value and the evaluation time, matched by nested matchers.
    case ageDays = "age_days"
    /// Number of selected items, matched by nested matchers.
    case count

    public var takesNestedMatchers: Bool { self == .ageDays || self == .count }
}

/// Where an evidence row sits in an `any:` check: which group of options, which option, how that option came out,
/// and whether it decided the check (the first option that held, when one did).
public struct EvidenceAlternative: Codable, Sendable, Hashable {
    /// Numbers the `any:` checks of one finding from 1, in the order they were evaluated.
    public var group: Int
    /// The option within the group, from 1.
    public var option: Int
    /// The outcome of the whole option (an option may hold several rows).
    public var outcome: Evidence.Outcome
    /// This option decided the group's outcome.
    public var decided: Bool

    public init(group: Int, option: Int, outcome: Evidence.Outcome, decided: Bool) {
        self.group = group
        self.option = option
        self.outcome = outcome
        self.decided = decided
    }
}

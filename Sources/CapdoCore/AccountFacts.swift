/// Local accounts from passwd/shadow: summaries only, never a hash.
public struct AccountFacts: Codable, Sendable, Equatable {
    /// Files read, relative to the root.
    public var sources: [String]
    /// False when the shadow file could not be read (password states are then `unknown`).
    public var shadowReadable: Bool
    /// Accounts with a UID of 0.
    public var uid0: [String]
    public var accounts: [AccountSummary]
    /// True when etc/group was read, so each account's `admin` flag is known (Linux).
    public var groupsReadable: Bool?

    public init(
        sources: [String], shadowReadable: Bool, uid0: [String], accounts: [AccountSummary],
        groupsReadable: Bool? = nil
    ) {
        self.sources = sources
        self.shadowReadable = shadowReadable
        self.uid0 = uid0
        self.accounts = accounts
        self.groupsReadable = groupsReadable
    }

    enum CodingKeys: String, CodingKey {
        case sources
        case shadowReadable = "shadow_readable"
        case uid0 = "uid0"
        case accounts
        case groupsReadable = "groups_readable"
    }
}

/// How long the history database keeps scans (`retention:` in capdo.yaml).
public struct HistoryRetention: Sendable, Equatable {
    /// Scans finished more than this many days ago are pruned.
    public var days: Int?
    /// Only this many most recent scans are kept.
    public var scans: Int?

    public init(days: Int? = nil, scans: Int? = nil) {
        self.days = days
        self.scans = scans
    }

    public var isUnlimited: Bool { days == nil && scans == nil }

    public var description: String {
        [days.map { "\($0) days" }, scans.map { "\($0) scans" }].compactMap { $0 }.joined(separator: ", ")
    }
}

import Foundation

/// Pending updates computed offline from the package lists apt already downloaded (`var/lib/apt/lists`).
public struct UpdateFacts: Codable, Sendable, Equatable {
    /// Package index files read, relative to the root.
    public var sources: [String]
    /// Newest `Date:` among the Release files read: how fresh the lists are.
    public var listsDate: Date?
    public var pending: [PendingUpdate]

    public init(sources: [String], listsDate: Date? = nil, pending: [PendingUpdate]) {
        self.sources = sources
        self.listsDate = listsDate
        self.pending = pending
    }

    enum CodingKeys: String, CodingKey {
        case sources
        case listsDate = "lists_date"
        case pending
    }
}

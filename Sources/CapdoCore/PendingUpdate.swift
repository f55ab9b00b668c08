import Foundation

/// An installed package for which a configured repository offers a newer version.
public struct PendingUpdate: Codable, Sendable, Equatable {
    public var name: String
    public var installed: String
    public var available: String
    /// True when the newer version comes from a security suite (`*-security`).
    public var security: Bool
    /// The index file offering it, relative to the root.
    public var file: String?
    /// `Date:` of that suite's Release file: roughly when the update was published.
    public var published: Date?

    public init(
        name: String, installed: String, available: String, security: Bool, file: String? = nil, published: Date? = nil
    ) {
        self.name = name
        self.installed = installed
        self.available = available
        self.security = security
        self.file = file
        self.published = published
    }
}

import Foundation

/// An approved exception for a rule on some hosts, until a date (waivers.yaml).
public struct Waiver: Codable, Sendable, Hashable {
    public var rule: String
    /// Host names it covers; `*` for all.
    public var hosts: [String]
    public var justification: String
    public var approvedBy: String
    public var issued: Date?
    public var expires: Date
    public var ticket: String?
    public var location: SourceLocation?

    public init(
        rule: String, hosts: [String], justification: String, approvedBy: String, issued: Date? = nil, expires: Date,
        ticket: String? = nil, location: SourceLocation? = nil
    ) {
        self.rule = rule
        self.hosts = hosts
        self.justification = justification
        self.approvedBy = approvedBy
        self.issued = issued
        self.expires = expires
        self.ticket = ticket
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case rule, hosts, justification
        case approvedBy = "approved_by"
        case issued, expires, ticket, location
    }

    public func covers(host: String) -> Bool {
        hosts.contains("*") || hosts.contains(host)
    }

    public func isExpired(at now: Date) -> Bool {
        expires < now
    }
}

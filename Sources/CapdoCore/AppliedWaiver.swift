import Foundation

/// A waiver as it applied (or lapsed) for a finding.
public struct AppliedWaiver: Codable, Sendable, Hashable {
    public var justification: String
    public var approvedBy: String
    public var expires: Date
    /// True when the waiver has expired: the finding keeps its real status and the report says so.
    public var expired: Bool
    /// Waivers file and line.
    public var location: String?

    public init(justification: String, approvedBy: String, expires: Date, expired: Bool, location: String? = nil) {
        self.justification = justification
        self.approvedBy = approvedBy
        self.expires = expires
        self.expired = expired
        self.location = location
    }

    enum CodingKeys: String, CodingKey {
        case justification
        case approvedBy = "approved_by"
        case expires, expired, location
    }
}

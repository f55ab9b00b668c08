import Foundation

/// One attested document from the evidence index.
public struct EvidenceDocument: Codable, Sendable, Equatable {
    /// The Phụ lục II item it attests (`1.1.1`, `1.5.4`).
    public var item: String
    public var title: String
    /// Path relative to the evidence folder.
    public var path: String
    /// The document file exists.
    public var exists: Bool
    /// Date of issue or approval.
    public var date: Date?
    public var approvedBy: String?
    public var nextReview: Date?
    /// Index file line.
    public var line: Int?

    public init(
        item: String, title: String, path: String, exists: Bool, date: Date? = nil, approvedBy: String? = nil,
        nextReview: Date? = nil, line: Int? = nil
    ) {
        self.item = item
        self.title = title
        self.path = path
        self.exists = exists
        self.date = date
        self.approvedBy = approvedBy
        self.nextReview = nextReview
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case item, title, path, exists, date
        case approvedBy = "approved_by"
        case nextReview = "next_review"
        case line
    }
}

import Foundation

/// One attested document from the evidence index.
public struct EvidenceDocument: Codable, Sendable, Equatable {
    /// The Phụ lục II item it attests (`1.1.1`, `1.5.4`), without its section.
    public var item: String
    /// The annex section of the item: `I` (management), `II.1` or `II.2`. The index writes `item: "II.2 1.1.2"`;
    /// an unqualified `item: "1.1.1"` (the old form) is read as section `I` with a warning. Nil in snapshots
    /// written before sections existed, which are read as `I` too.
    public var section: String?
    /// What the document is, where an item asks for several (`incident_plan`, `incident_reporting`,
    /// `level_approval`, `assessment`, `annual_report`, `remote_access`): see docs/facts.md.
    public var kind: String?
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
        nextReview: Date? = nil, line: Int? = nil, section: String? = nil, kind: String? = nil
    ) {
        self.item = item
        self.section = section
        self.kind = kind
        self.title = title
        self.path = path
        self.exists = exists
        self.date = date
        self.approvedBy = approvedBy
        self.nextReview = nextReview
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case item, section, kind, title, path, exists, date
        case approvedBy = "approved_by"
        case nextReview = "next_review"
        case line
    }
}

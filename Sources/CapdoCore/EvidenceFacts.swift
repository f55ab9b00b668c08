/// The management-evidence folder: documents that attest to the management items.
public struct EvidenceFacts: Codable, Sendable, Equatable {
    /// The folder as given (outside or inside the scanned root).
    public var folder: String
    /// The index file read (`index.yaml`), nil when none exists.
    public var index: String?
    public var documents: [EvidenceDocument]

    public init(folder: String, index: String? = nil, documents: [EvidenceDocument]) {
        self.folder = folder
        self.index = index
        self.documents = documents
    }
}

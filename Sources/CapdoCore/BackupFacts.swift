import Foundation

/// Evidence that backups run: scheduled jobs and their newest artefacts.
public struct BackupFacts: Codable, Sendable, Equatable {
    public var jobs: [BackupJob]
    /// Directories searched for artefacts, relative to the root.
    public var searched: [String]
    /// Newest file found under the searched directories.
    public var newestArtefact: String?
    public var newestArtefactTime: Date?

    public init(jobs: [BackupJob], searched: [String], newestArtefact: String? = nil, newestArtefactTime: Date? = nil) {
        self.jobs = jobs
        self.searched = searched
        self.newestArtefact = newestArtefact
        self.newestArtefactTime = newestArtefactTime
    }

    enum CodingKeys: String, CodingKey {
        case jobs, searched
        case newestArtefact = "newest_artefact"
        case newestArtefactTime = "newest_artefact_time"
    }
}

import Foundation

/// The oldest record found among a log's current and rotated files.
public struct LogRetention: Codable, Sendable, Equatable {
    /// Files examined, relative to the root.
    public var files: [String]
    /// Time of the oldest entry found (parsed from the oldest file's first line, else its mtime).
    public var oldestEntry: Date?
    /// The file holding the oldest entry.
    public var oldestFile: String?
    /// How `oldest_entry` was obtained: `timestamp` or `mtime`.
    public var method: String?

    public init(files: [String], oldestEntry: Date? = nil, oldestFile: String? = nil, method: String? = nil) {
        self.files = files
        self.oldestEntry = oldestEntry
        self.oldestFile = oldestFile
        self.method = method
    }

    enum CodingKeys: String, CodingKey {
        case files
        case oldestEntry = "oldest_entry"
        case oldestFile = "oldest_file"
        case method
    }
}

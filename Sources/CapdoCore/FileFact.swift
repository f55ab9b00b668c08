import Foundation

/// Metadata of one file (never its content).
public struct FileFact: Codable, Sendable, Equatable {
    public var exists: Bool
    /// `file`, `directory`, `symlink`, `other`.
    public var kind: String?
    /// Permission bits as four octal digits (`0640`).
    public var mode: String?
    public var uid: Int?
    public var gid: Int?
    public var size: Int64?
    public var modified: Date?

    public init(
        exists: Bool, kind: String? = nil, mode: String? = nil, uid: Int? = nil, gid: Int? = nil, size: Int64? = nil,
        modified: Date? = nil
    ) {
        self.exists = exists
        self.kind = kind
        self.mode = mode
        self.uid = uid
        self.gid = gid
        self.size = size
        self.modified = modified
    }
}

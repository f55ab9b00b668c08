/// One classic event log's size and what happens when it is full (`wevtutil gl <log>`).
public struct WindowsEventLog: Codable, Sendable, Equatable {
    /// `Security`, `System` or `Application`.
    public var name: String
    /// `maxSize` in bytes.
    public var maxBytes: Int
    /// `retention: true`: full log is kept, not overwritten (without `autoBackup` new events are then lost).
    public var retention: Bool
    /// `autoBackup: true`: a full log is archived to a file and a new one started (nothing is overwritten).
    public var autoBackup: Bool

    public init(name: String, maxBytes: Int, retention: Bool, autoBackup: Bool) {
        self.name = name
        self.maxBytes = maxBytes
        self.retention = retention
        self.autoBackup = autoBackup
    }

    enum CodingKeys: String, CodingKey {
        case name, retention
        case maxBytes = "max_bytes"
        case autoBackup = "auto_backup"
    }
}

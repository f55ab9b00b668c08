import Foundation

/// Decodes `var/log/lastlog` records (64-bit Linux `struct lastlog`: int32 time, char line[32],
/// char host[256] = 292 bytes, indexed by UID). The file is sparse: only the needed records are read.
public enum LastlogParser {
    public static let recordSize = 292

    /// Byte offset of a UID's record.
    public static func offset(uid: Int) -> Int64 {
        Int64(uid) * Int64(recordSize)
    }

    /// The login time in one record; nil for a short record or a zero time (never logged in).
    public static func time(record: Data) -> Date? {
        guard record.count >= 4 else { return nil }
        let bytes = Array(record.prefix(4))
        let value = Int32(
            bitPattern: UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        guard value > 0 else { return nil }
        return Date(timeIntervalSince1970: Double(value))
    }
}

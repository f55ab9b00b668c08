/// Where a report is written: text, and also UTF-8 bytes as they are, so a report rendered as bytes (the JSON
/// report of a fleet, hundreds of megabytes) reaches its file without becoming a `String` on the way.
public protocol ReportOutputStream: TextOutputStream {
    /// Appends `bytes`, which are valid UTF-8.
    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
}

extension String: ReportOutputStream {
    public mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        append(String(decoding: bytes, as: UTF8.self))
    }
}

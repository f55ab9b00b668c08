import CapdoReport
import Foundation

/// A `ReportOutputStream` into a file, flushed every megabyte, so a report is written as it is rendered; a piece of
/// a megabyte or more goes to the file directly, without a copy. The first write error is kept (TextOutputStream
/// cannot throw) and reported by `close()`.
struct FileTextStream: ReportOutputStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var failure: String?

    /// Why the file could not be created or written (strerror text).
    struct Failure: Error {
        var reason: String
    }

    /// Creates (or truncates) `path`, mode 0644.
    init(path: String) throws(Failure) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(Self.flushSize)
    }

    static let flushSize = 1 << 20

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write(utf8: $0) }
    }

    mutating func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count < Self.flushSize else {
            flush()
            if failure == nil { failure = Self.send(UnsafeRawBufferPointer(bytes), to: descriptor) }
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { flush() }
    }

    private mutating func flush() {
        if failure == nil { failure = buffer.withUnsafeBytes { Self.send($0, to: descriptor) } }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes` to `descriptor`; the strerror text when that fails.
    private static func send(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    /// Flushes, syncs and closes; throws the first write error.
    mutating func close() throws(Failure) {
        flush()
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        Foundation.close(descriptor)
        if let failure { throw Failure(reason: failure) }
    }
}

import Foundation

/// A `TextOutputStream` into a file, flushed every megabyte, so a report is written as it is rendered. The first
/// write error is kept (TextOutputStream cannot throw) and reported by `close()`.
struct FileTextStream: TextOutputStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var failure: String?

    /// Why the file could not be created or written (strerror text).
    struct Failure: Error {
        var reason: String
    }

    /// Creates (or truncates) `path`, mode 0644.
    init(path: String) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        buffer.reserveCapacity(Self.flushSize)
    }

    static let flushSize = 1 << 20

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= Self.flushSize { flush() }
    }

    private mutating func flush() {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and closes; throws the first write error.
    mutating func close() throws {
        flush()
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        Foundation.close(descriptor)
        if let failure { throw Failure(reason: failure) }
    }
}

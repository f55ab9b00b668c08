import CapdoCore
import Foundation

/// An advisory `flock(2)` lock so that two scheduled runs never overlap: the second one exits with code 3.
///
/// The kernel releases the lock when the process ends, however it ends (even `kill -9`), so a stale lock
/// file never blocks later runs.
public final class RunLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock at `path` or throws a `.locked` error naming the process that holds it.
    public init(path: String) throws(CapdoError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CapdoError(.io, "cannot open the lock file '\(path)': \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            var holder = ""
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                holder = " (pid \(pid))"
            }
            close(descriptor)
            if reason == EWOULDBLOCK {
                throw CapdoError(
                    .locked,
                    "another capdo run holds the lock \(path)\(holder); this run exits without scanning. "
                        + "If scans overlap often, space the schedule out.")
            }
            throw CapdoError(.io, "cannot lock '\(path)': \(String(cString: strerror(reason)))")
        }
        self.descriptor = descriptor
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

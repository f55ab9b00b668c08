import CapdoCore

/// Why a file could not be read; becomes a `CollectionIssue` naming the file.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case missing
        case unreadable
        case notAFile
        case tooLarge(Int)
        case symlinkLoop
        case escapesRoot
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .missing: return "\(path): no such file"
        case .unreadable: return "\(path): permission denied (run as root to read it)"
        case .notAFile: return "\(path): not a regular file"
        case .tooLarge(let limit): return "\(path): larger than \(limit / 1024 / 1024) MiB, not read"
        case .symlinkLoop: return "\(path): too many levels of symbolic links (a symlink loop)"
        case .escapesRoot: return "\(path): symbolic link points outside the scanned root"
        }
    }
}

extension FileReadError {
    /// The issue a collector records for this error: file named, message without the path repeated.
    public func issue(collector: String, level: CollectionIssue.Level = .error) -> CollectionIssue {
        let prefix = path + ": "
        let message = description.hasPrefix(prefix) ? String(description.dropFirst(prefix.count)) : description
        return CollectionIssue(collector: collector, level: level, file: path, message: message)
    }
}

import CapdoCore
import Foundation

/// Reads files under a root, read-only. Paths are given relative to the root (`etc/ssh/sshd_config`) or
/// absolute inside it (`/etc/ssh/sshd_config`); both mean the same file.
///
/// Contract (hardened in a later pass): symlinks resolve inside the root; a symlink loop, an unreadable
/// file, a directory or a file over `limit` bytes is a `FileReadError` naming the path, never a crash or hang.
public struct FileReader: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The default size cap for configuration files.
    public static let defaultLimit = 16 * 1024 * 1024

    /// `etc/ssh/sshd_config` for any spelling of the path.
    public func relative(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("/") { trimmed.removeFirst() }
        return trimmed
    }

    /// The host path of a root-relative path (no symlink resolution).
    public func hostPath(_ path: String) -> String {
        let rel = relative(path)
        if root == "/" { return "/" + rel }
        return root + "/" + rel
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: hostPath(path))
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: hostPath(path), isDirectory: &isDir) && isDir.boolValue
    }

    /// Reads at most `limit` bytes; larger files are an error.
    public func read(_ path: String, limit: Int = FileReader.defaultLimit) throws(FileReadError) -> Data {
        let host = hostPath(path)
        guard let handle = FileHandle(forReadingAtPath: host) else {
            throw FileReadError(path: relative(path), reason: exists(path) ? .unreadable : .missing)
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        if data.count > limit { throw FileReadError(path: relative(path), reason: .tooLarge(limit)) }
        return data
    }

    /// Reads a text file (invalid UTF-8 is repaired, never fatal).
    public func readText(_ path: String, limit: Int = FileReader.defaultLimit) throws(FileReadError) -> String {
        String(decoding: try read(path, limit: limit), as: UTF8.self)
    }

    /// Entry names of a directory, sorted; empty when it does not exist.
    public func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: hostPath(path))) ?? []).sorted()
    }

    /// Metadata of one file (lstat, never following a final symlink).
    public func stat(_ path: String) -> FileFact {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: hostPath(path)) else {
            return FileFact(exists: false)
        }
        let type = attributes[.type] as? FileAttributeType
        let kind: String
        switch type {
        case .typeRegular?: kind = "file"
        case .typeDirectory?: kind = "directory"
        case .typeSymbolicLink?: kind = "symlink"
        default: kind = "other"
        }
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        return FileFact(
            exists: true, kind: kind, mode: String(format: "%04o", permissions & 0o7777),
            uid: (attributes[.ownerAccountID] as? NSNumber)?.intValue,
            gid: (attributes[.groupOwnerAccountID] as? NSNumber)?.intValue,
            size: (attributes[.size] as? NSNumber)?.int64Value, modified: attributes[.modificationDate] as? Date)
    }
}

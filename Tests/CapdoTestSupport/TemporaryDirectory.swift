import Foundation

/// A fresh directory under the system temporary directory for one test, used as a scratch folder or a scanned
/// root; removed when the value goes away (or by `remove()`, which also keeps it alive until then).
public final class TemporaryDirectory: Sendable {
    public let path: String

    /// Creates the directory and writes `files` (root-relative path → text) into it.
    public init(_ files: [String: String] = [:]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (relative, text) in files { try write(relative, text) }
    }

    deinit {
        remove()
    }

    /// Deletes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    public var url: URL { URL(fileURLWithPath: path) }

    /// The URL of a path relative to the directory.
    public func url(_ relative: String) -> URL {
        URL(fileURLWithPath: path + "/" + relative)
    }

    /// The absolute path of a path relative to the directory.
    public func path(_ relative: String) -> String {
        path + "/" + relative
    }

    /// Writes `text` at `relative`, creating directories; optionally sets its modification time.
    @discardableResult
    public func write(_ relative: String, _ text: String, modified: Date? = nil) throws -> URL {
        try write(relative, data: Data(text.utf8), modified: modified)
    }

    /// Writes raw bytes at `relative`, creating directories.
    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) throws -> URL {
        try write(relative, data: Data(bytes))
    }

    /// Writes `data` at `relative`, creating directories; optionally sets its modification time.
    @discardableResult
    public func write(_ relative: String, data: Data, modified: Date? = nil) throws -> URL {
        let target = url(relative)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        if let modified { try setModified(relative, modified) }
        return target
    }

    public func setModified(_ relative: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url(relative).path)
    }

    public func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    /// Creates a symbolic link at `relative` pointing to `target`.
    public func symlink(_ relative: String, to target: String) throws {
        let link = url(relative)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
    }

    /// Copies a host file into the directory at the same path; false when the host lacks it.
    @discardableResult
    public func copyFromHost(_ absolute: String) throws -> Bool {
        guard FileManager.default.isReadableFile(atPath: absolute) else { return false }
        let data = try Data(contentsOf: URL(fileURLWithPath: absolute))
        try write(String(absolute.dropFirst()), String(decoding: data, as: UTF8.self))
        return true
    }

    /// Copies a host directory tree (symlinks followed, contents copied) into the directory; the number of files.
    @discardableResult
    public func copyTreeFromHost(_ absolute: String) throws -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: absolute) else { return 0 }
        var count = 0
        while let relative = enumerator.nextObject() as? String {
            let full = absolute + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try mkdir(String(full.dropFirst()))
            } else if try copyFromHost(full) {
                count += 1
            }
        }
        return count
    }
}

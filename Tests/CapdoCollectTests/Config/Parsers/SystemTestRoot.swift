import CapdoCollect
import Foundation

/// A throw-away scanned root for system-config tests: write files, scan, and remove it on `deinit`.
final class SystemTestRoot {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "capdo-sys-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` at the root-relative `relative` path, creating directories.
    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Creates a directory.
    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }

    /// Copies a host file into the root at the same path; false when the host lacks it.
    @discardableResult
    func copyFromHost(_ absolute: String) throws -> Bool {
        guard FileManager.default.isReadableFile(atPath: absolute) else { return false }
        let data = try Data(contentsOf: URL(fileURLWithPath: absolute))
        try write(String(absolute.dropFirst()), String(decoding: data, as: UTF8.self))
        return true
    }

    /// Copies a host directory tree (symlinks followed, contents copied) into the root; the number of files.
    @discardableResult
    func copyTreeFromHost(_ absolute: String) throws -> Int {
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

    /// Creates a symbolic link at `relative` pointing to `target`.
    func symlink(_ relative: String, to target: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    var files: ConfigFiles { .host(FileReader(root: path)) }
}

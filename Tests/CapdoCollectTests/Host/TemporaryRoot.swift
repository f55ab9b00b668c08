import CapdoCollect
import Foundation

/// A scratch filesystem root for one test, removed when the value is released.
final class TemporaryRoot: @unchecked Sendable {  // only mutated by the owning test's thread
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("capdo-host-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit {
        _ = try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ relative: String) -> URL {
        URL(fileURLWithPath: path + "/" + relative)
    }

    @discardableResult
    func write(_ relative: String, _ text: String, modified: Date? = nil) throws -> URL {
        try write(relative, data: Data(text.utf8), modified: modified)
    }

    @discardableResult
    func write(_ relative: String, data: Data, modified: Date? = nil) throws -> URL {
        let target = url(relative)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        if let modified { try setModified(relative, modified) }
        return target
    }

    func setModified(_ relative: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url(relative).path)
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) throws {
        let link = url(relative)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
    }

    func environment(
        now: Date = Date(timeIntervalSince1970: 1_795_000_000), evidenceFolder: String? = nil,
        backupPaths: [String] = ["srv/backup"]
    ) -> HostEnvironment {
        HostEnvironment(root: path, now: now, evidenceFolder: evidenceFolder, backupPaths: backupPaths)
    }
}

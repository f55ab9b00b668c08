import CapdoCore
import Foundation

/// A temporary folder for one test, removed when it ends; and the repository's paths.
final class Workspace: @unchecked Sendable {  // immutable after init
    let path: String

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Samples/hosts/<name>` in the repository (read only: a scan never writes under what it scans).
    static func sampleHost(_ name: String) -> String {
        repository.appendingPathComponent("Samples/hosts/\(name)").path
    }

    static let rules = repository.appendingPathComponent("Rules").path

    init() throws {
        path = NSTemporaryDirectory() + "capdo-app-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the folder; returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The `CapdoError` `body` throws, or nil when it returns.
func thrown<T>(_ body: () throws(CapdoError) -> T) -> CapdoError? {
    do {
        _ = try body()
        return nil
    } catch { return error }
}

/// The same for asynchronous bodies.
func thrown<T>(_ body: () async throws(CapdoError) -> T) async -> CapdoError? {
    do {
        _ = try await body()
        return nil
    } catch { return error }
}

import Foundation

/// A temporary directory deleted when the value goes away.
final class TemporaryDirectory: @unchecked Sendable {  // immutable after init
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "capdo-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

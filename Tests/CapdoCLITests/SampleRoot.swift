import CapdoTestSupport
import Foundation

/// A prepared copy of a sample host: git keeps neither modes, owners nor times, so `scripts/prepare-sample` applies
/// them (from `scripts/sample-permissions.txt`), exactly as `scripts/scan` and `scripts/make-examples` do.
final class SampleRoot: @unchecked Sendable {  // immutable after init
    let path: String
    let name: String
    private let container: String

    init(_ name: String) throws {
        self.name = name
        container = NSTemporaryDirectory() + "capdo-sample-" + UUID().uuidString
        path = container + "/" + name
        try FileManager.default.createDirectory(atPath: container, withIntermediateDirectories: true)
        try Shell.run(CapdoProcess.repository.appendingPathComponent("scripts/prepare-sample").path, [name, path])
    }

    deinit {
        try? FileManager.default.removeItem(atPath: container)
    }
}

import Foundation

/// A prepared copy of a sample host: git keeps neither modes, owners nor times, so they are applied here
/// from `scripts/sample-permissions.txt`, exactly as `scripts/make-examples` does.
final class SampleRoot: @unchecked Sendable {  // immutable after init
    let path: String
    let name: String
    private let container: String

    init(_ name: String) throws {
        self.name = name
        container = NSTemporaryDirectory() + "capdo-sample-" + UUID().uuidString
        path = container + "/" + name
        try FileManager.default.createDirectory(atPath: container, withIntermediateDirectories: true)
        let source = CapdoProcess.repository.appendingPathComponent("Samples/hosts/" + name).path
        try Shell.run("/bin/cp", ["-a", source, path])
        try Shell.run("/usr/bin/find", [path, "-exec", "touch", "-h", "-d", "2026-11-28T01:30:00Z", "{}", "+"])
        let manifest = try String(
            contentsOf: CapdoProcess.repository.appendingPathComponent("scripts/sample-permissions.txt"),
            encoding: .utf8)
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count == 5, fields[0] == name else { continue }
            let file = path + "/" + fields[1]
            if let mode = Int(fields[2], radix: 8) {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
            }
            if getuid() == 0, let uid = Int(fields[3]), let gid = Int(fields[4]) {
                try FileManager.default.setAttributes(
                    [.ownerAccountID: uid, .groupOwnerAccountID: gid], ofItemAtPath: file)
            }
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: container)
    }
}

import CapdoHistory
import Foundation

/// A temporary folder with a collected sample snapshot that tests vary (host names, ports, packages, AV).
final class HistoryWorkspace: @unchecked Sendable {  // immutable after init
    let folder: String
    /// The collected srv-hardened snapshot as a JSON object, with a listener on tcp/22.
    let base: [String: Any]

    var database: String { folder + "/history.sqlite" }

    init() throws {
        folder = NSTemporaryDirectory() + "capdo-history-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sample = try SampleRoot("srv-hardened")
        let output = folder + "/base.json"
        let collected = CapdoProcess.run(
            [
                "collect", "--root", sample.path, "--root-label", "Samples/hosts/srv-hardened", "--now",
                "2026-11-28T09:00:00Z",
                "--output", output,
            ])
        guard collected.status == 0, let data = FileManager.default.contents(atPath: output),
            var json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw WorkspaceError("collect failed: \(collected.stderr)") }
        try FileManager.default.removeItem(atPath: output)
        json["listeners"] = [
            "source": "proc/net",
            "sockets": [
                [
                    "protocol": "tcp", "family": "ipv4", "address": "0.0.0.0", "port": 22, "loopback": false,
                    "process": "sshd",
                ]
            ],
        ]
        base = json
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `snapshot` as `<folder>/<sub>/<name>.json`.
    func write(_ snapshot: [String: Any], to sub: String, name: String) throws {
        try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: snapshot, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: folder + "/" + sub + "/" + name + ".json"))
    }

    /// `count` copies of the base snapshot with host names `pc-0000`…, in `<folder>/<sub>`.
    func fleet(_ count: Int, in sub: String) throws {
        for index in 0..<count {
            var snapshot = base
            var system = snapshot["system"] as? [String: Any] ?? [:]
            system["hostname"] = String(format: "pc-%04d", index)
            snapshot["system"] = system
            try write(snapshot, to: sub, name: String(format: "pc-%04d", index))
        }
    }

    /// The base snapshot with a new port, a downgraded package and stale anti-malware signatures.
    static func changed(_ base: [String: Any]) -> [String: Any] {
        var snapshot = base
        var listeners = snapshot["listeners"] as! [String: Any]
        var sockets = listeners["sockets"] as! [[String: Any]]
        sockets.append([
            "protocol": "tcp", "family": "ipv4", "address": "0.0.0.0", "port": 23, "loopback": false,
            "process": "inetd",
        ])
        listeners["sockets"] = sockets
        snapshot["listeners"] = listeners
        var packages = snapshot["packages"] as! [String: Any]
        packages["packages"] = (packages["packages"] as! [[String: Any]]).map { package in
            var package = package
            if package["name"] as? String == "openssh-server" { package["version"] = "1:8.4p1-5+deb11u1" }
            return package
        }
        snapshot["packages"] = packages
        var antivirus = snapshot["antivirus"] as! [String: Any]
        antivirus["products"] = (antivirus["products"] as! [[String: Any]]).map { product in
            var product = product
            product["signature_time"] = "2026-10-01T00:00:00Z"
            product["last_update"] = "2026-10-01T00:00:04Z"
            product["databases"] = (product["databases"] as? [[String: Any]] ?? []).map { database in
                var database = database
                database["build_time"] = "2026-10-01T00:00:00Z"
                return database
            }
            return product
        }
        snapshot["antivirus"] = antivirus
        return snapshot
    }

    func evaluate(_ sub: String, now: String, extra: [String] = []) -> CapdoProcess.Result {
        CapdoProcess.run(
            [
                "evaluate", folder + "/" + sub, "--history", database, "--now", now, "--output",
                folder + "/reports-" + sub,
                "--format", "json", "--quiet",
            ] + extra)
    }

    struct WorkspaceError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

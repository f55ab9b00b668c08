import CapdoCore
import CapdoTestSupport
import Foundation

@testable import CapdoRules

/// The paths (object keys, `[]` for list elements) of the facts trees real collections gave, as the engine sees
/// them (`FactValue.from` of the decoded snapshot).
struct ProducedFacts {
    var paths: Set<[String]> = []

    /// `capdo collect` of both prepared sample roots, the sample Windows snapshots, `capdo lan --snapshot` of a
    /// capture with an FTP login plus a connect scan of two loopback ports, a live collection probing a loopback TLS
    /// server, and a root holding a systemd journal file.
    static func collect() throws -> ProducedFacts {
        var produced = ProducedFacts()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capdo-coverage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var snapshots = SnapshotSchemaTests.samples.map { CapdoProcess.repository.appendingPathComponent($0).path }
        for name in ["srv-hardened", "ws-neglected"] {
            let sample = try SampleRoot(name)
            let snapshot = folder.appendingPathComponent("\(name).json").path
            let run = CapdoProcess.run(["collect", "--root", sample.path, "--output", snapshot])
            guard run.status == 0 else { throw Shell.Failure(description: "capdo collect \(name): \(run.stderr)") }
            snapshots.append(snapshot)
        }
        let capture = folder.appendingPathComponent("ftp.pcap").path
        try ScanPcapTests.ftpCapture(capture)
        let lan = folder.appendingPathComponent("lan.json").path
        let run = CapdoProcess.run([
            "lan", "--pcap", capture, "--targets", "127.0.0.1", "--ports", "1-2", "--timeout", "1", "--retries",
            "0", "--snapshot", lan, "--output", folder.appendingPathComponent("report").path, "--format", "json",
            "--quiet",
        ])
        guard run.status == 0 || run.status == 2 else { throw Shell.Failure(description: "capdo lan: \(run.stderr)") }
        snapshots.append(lan)
        snapshots.append(try liveWithTLSServer(in: folder))
        // Git carries no binary journal, so the samples have none: a root holding one journal file.
        let journalRoot = folder.appendingPathComponent("journal-root")
        let journal = journalRoot.appendingPathComponent("var/log/journal/0123456789abcdef")
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: journal.appendingPathComponent("system.journal").path, contents: Data())
        let journalSnapshot = folder.appendingPathComponent("journal.json").path
        let collected = CapdoProcess.run(["collect", "--root", journalRoot.path, "--output", journalSnapshot])
        guard collected.status == 0 else { throw Shell.Failure(description: "capdo collect: \(collected.stderr)") }
        snapshots.append(journalSnapshot)
        for path in snapshots {
            let snapshot = try SnapshotCodec.decoder().decode(
                HostSnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            produced.add(try FactValue.from(snapshot), at: [])
        }
        return produced
    }

    /// A live collection — listening sockets and the running kernel's sysctl values exist only there — while
    /// `openssl s_server` listens on loopback and is probed (`--tls`), with closed port 1 beside it: the facts a
    /// TLS probe gives, and the error of one that fails.
    static func liveWithTLSServer(in folder: URL) throws -> String {
        let key = folder.appendingPathComponent("key.pem").path
        let certificate = folder.appendingPathComponent("cert.pem").path
        try Shell.run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "2", "-keyout",
                key, "-out", certificate,
            ])
        // s_server names the port it bound ("ACCEPT 127.0.0.1:PORT"); a file, unlike a pipe, never fills up.
        let log = folder.appendingPathComponent("s_server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificate, "-key", key, "-www"]
        server.standardOutput = try FileHandle(forWritingTo: log)
        server.standardError = FileHandle.nullDevice
        server.standardInput = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: the child inherits the test runner's blocked signals, SIGTERM among them.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        var port: Substring?
        for _ in 0..<500 where port == nil && server.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            port = text.split(separator: "\n").first { $0.hasPrefix("ACCEPT ") }?.split(separator: ":").last
            if port == nil { usleep(20_000) }
        }
        guard let port else { throw Shell.Failure(description: "openssl s_server did not say where it listens") }
        let snapshot = folder.appendingPathComponent("live.json").path
        let run = CapdoProcess.run([
            "collect", "--tls", "127.0.0.1:" + String(port), "--tls", "127.0.0.1:1", "--output", snapshot,
        ])
        guard run.status == 0 else { throw Shell.Failure(description: "capdo collect (live): \(run.stderr)") }
        return snapshot
    }

    mutating func add(_ value: FactValue, at path: [String]) {
        paths.insert(path)
        switch value {
        case .object(let members): for (key, member) in members { add(member, at: path + [key]) }
        case .array(let items): for item in items { add(item, at: path + [FactPath.elements]) }
        default: break
        }
    }

    /// Whether a produced path matches `components`, where `*` stands for any key.
    func contains(_ components: [String]) -> Bool {
        guard components.contains(FactPath.anyKey) else { return paths.contains(components) }
        return paths.contains { produced in
            produced.count == components.count
                && zip(produced, components).allSatisfy { $1 == FactPath.anyKey || $0 == $1 }
        }
    }
}

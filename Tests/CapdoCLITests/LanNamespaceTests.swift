import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// End to end with real traffic: namespaces, real listeners, capdo capturing live, tshark/tcpdump and nmap as oracles.
@Suite(.serialized) struct LanNamespaceTests {
    static let canRun = LanNamespace.isRoot && Shell.exists("/usr/sbin/ip") && Shell.exists("/usr/bin/openssl")

    static func lan(_ snapshotPath: String) throws -> LanFacts {
        let data = try Data(contentsOf: URL(fileURLWithPath: snapshotPath))
        return try #require(try SnapshotCodec.decoder().decode(HostSnapshot.self, from: data).lan)
    }

    /// SYN-ACK senders in a capture, as the oracle sees them (tshark, else tcpdump).
    static func oracleServices(_ capture: String) throws -> Set<String> {
        if Shell.exists("/usr/bin/tshark") {
            let out = try Shell.run(
                "/usr/bin/tshark",
                [
                    "-r", capture, "-Y", "tcp.flags.syn==1 && tcp.flags.ack==1", "-T", "fields", "-e", "ip.src", "-e",
                    "tcp.srcport",
                ])
            return Set(out.split(separator: "\n").map { $0.split(separator: "\t").joined(separator: ":") })
        }
        let out = try Shell.run(
            "/usr/bin/tcpdump", ["-nr", capture, "tcp[tcpflags] & (tcp-syn|tcp-ack) == (tcp-syn|tcp-ack)"])
        return Set(
            out.split(separator: "\n").compactMap { line -> String? in
                let fields = line.split(separator: " ")
                guard fields.count > 2 else { return nil }
                let endpoint = fields[2]
                guard let dot = endpoint.lastIndex(of: ".") else { return nil }
                return endpoint[..<dot] + ":" + endpoint[endpoint.index(after: dot)...]
            })
    }

    /// Synchronous on purpose: an async test's continuation can wait a long time for a cooperative thread while
    /// the parallel suite's blocking tests hold them all, and the live traffic must come while capdo captures.
    @Test(.enabled(if: canRun, "needs root, iproute2 and openssl: network namespaces (CI runs as root)"))
    func liveCaptureInNamespacesFindsWhatTheTestSetUp() throws {
        let net = try LanNamespace()
        defer { net.tearDown() }
        let capture = net.folder.appendingPathComponent("live.pcap").path
        let snapshot = net.folder.appendingPathComponent("live.json").path
        let reports = net.folder.appendingPathComponent("reports").path
        // capdo captures inside the client namespace while the client talks to the server; the test ends the
        // capture with SIGINT once the traffic is done (the 300 s duration is only a backstop).
        let capdo = try Spawn.start([
            "/usr/sbin/ip", "netns", "exec", net.client, CapdoProcess.binary, "lan", "--interface", net.clientLink,
            "--duration", "300", "--write", capture, "--snapshot", snapshot, "--output", reports, "--quiet",
        ])
        // The capture is live once capdo has created the --write file (right after pcap_activate).
        let ready = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: capture) && Date() < ready { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: capture), "capdo never started capturing")
        usleep(300_000)
        try net.generateTraffic()
        usleep(500_000)
        capdo.signal(SIGINT)
        let finished = capdo.wait()
        #expect(finished.status == 2, "non-compliant: cleartext credentials and telnet were seen: \(finished.output)")

        let facts = try Self.lan(snapshot)
        let services = Set(facts.services.map { "\($0.ip):\($0.port)" })
        #expect(services == ["192.0.2.2:8080", "192.0.2.2:23", "192.0.2.2:4433"])
        #expect(try Self.oracleServices(capture) == services, "passive services equal the oracle's SYN/SYN-ACK pairs")
        #expect(Set(facts.hosts.map(\.ip)).isSuperset(of: ["192.0.2.1", "192.0.2.2"]))
        let credentials = facts.credentials.map { "\($0.protocol):\($0.user ?? "-"):\($0.server)" }.sorted()
        #expect(credentials == ["http_basic:alice:192.0.2.2:8080", "telnet:admin:192.0.2.2:23"])
        #expect(facts.counters.malformed == 0)

        // The saved capture read back gives the same facts; no secret appears in any output.
        let offline = net.folder.appendingPathComponent("offline.json").path
        let result = CapdoProcess.run(["lan", "--pcap", capture, "--snapshot", offline, "--output", reports, "--quiet"])
        #expect(result.status == 2, "\(result.stderr)")
        let again = try Self.lan(offline)
        #expect(again.services.map(\.port) == facts.services.map(\.port))
        #expect(again.credentials.count == 2)
        for file in try FileManager.default.contentsOfDirectory(atPath: reports) + [] {
            let text = try String(contentsOfFile: reports + "/" + file, encoding: .utf8)
            #expect(!text.contains("Ns-Http-Secret") && !text.contains("Ns-Telnet-Secret"), "\(file)")
            #expect(text.contains("cleartext"), "\(file) names the cleartext-credentials finding")
        }
        for file in [snapshot, offline] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!text.contains("Ns-Http-Secret") && !text.contains("Ns-Telnet-Secret"))
        }
    }

    @Test(.enabled(if: canRun && Shell.exists("/usr/bin/nmap"), "needs root, iproute2, openssl and nmap"))
    func connectScanEqualsNmap() throws {
        let net = try LanNamespace()
        defer { net.tearDown() }
        let snapshot = net.folder.appendingPathComponent("scan.json").path
        let reports = net.folder.appendingPathComponent("reports").path
        try net.inClient([
            CapdoProcess.binary, "lan", "--targets", "192.0.2.2", "--ports", "1-10000", "--rate", "0", "--timeout",
            "0.5",
            "--snapshot", snapshot, "--output", reports, "--quiet", "--format", "json",
        ])
        let facts = try Self.lan(snapshot)
        let mine = Set(facts.services.map(\.port))
        let xml = try net.inClient(["nmap", "-sT", "-p", "1-10000", "-n", "-Pn", "192.0.2.2", "-oX", "-"])
        var theirs = Set<Int>()
        for part in xml.components(separatedBy: "<port protocol=\"tcp\" portid=\"").dropFirst() {
            if let end = part.firstIndex(of: "\""), part.contains("<state state=\"open\""), let port = Int(part[..<end])
            {
                let stateRange = part.range(of: "<state state=\"")!
                if part[stateRange.upperBound...].hasPrefix("open\"") { theirs.insert(port) }
            }
        }
        #expect(mine == [23, 4433, 8080])
        #expect(mine == theirs, "capdo \(mine.sorted()) vs nmap \(theirs.sorted())")
        #expect(facts.scan?.probes ?? 0 >= 10_000)
    }
}

import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// `capdo lan --scan syn` between two namespaces joined by a veth (injection on `lo` is dropped by the kernel), with
/// nmap's own SYN scan as the oracle; and the refusals that need no namespace.
@Suite(.serialized) struct SynScanNamespaceTests {
    static let canRun =
        LanNamespace.isRoot && Shell.exists("/usr/sbin/ip") && Shell.exists("/usr/bin/openssl")
        && Shell.exists("/usr/bin/nmap")

    /// Port → state ("open", "closed", "filtered") as nmap reports them, with its "not shown" counts.
    static func nmapStates(_ xml: String) -> (open: Set<Int>, counts: [String: Int]) {
        var open = Set<Int>()
        var counts: [String: Int] = [:]
        for part in xml.components(separatedBy: "<port protocol=\"tcp\" portid=\"").dropFirst() {
            guard let end = part.firstIndex(of: "\""), let port = Int(part[..<end]),
                let state = part.range(of: "<state state=\"")
            else { continue }
            let name = String(part[state.upperBound...].prefix { $0 != "\"" })
            counts[name, default: 0] += 1
            if name == "open" { open.insert(port) }
        }
        for part in xml.components(separatedBy: "<extraports state=\"").dropFirst() {
            let name = String(part.prefix { $0 != "\"" })
            guard let count = part.range(of: "count=\"") else { continue }
            counts[name, default: 0] += Int(part[count.upperBound...].prefix { $0 != "\"" }) ?? 0
        }
        return (open, counts)
    }

    /// Synchronous on purpose (see LanNamespaceTests): the scan and the oracle run as child processes.
    @Test(.enabled(if: canRun, "needs root, iproute2, openssl and nmap: network namespaces (CI runs as root)"))
    func synScanEqualsNmapSynScan() throws {
        let net = try LanNamespace()
        defer { net.tearDown() }
        // Ten silently dropped ports prove "filtered" when iptables is there (rule inside the server namespace only).
        let dropping = Shell.exists("/usr/sbin/iptables")
        if dropping {
            try Spawn.run([
                "/usr/sbin/ip", "netns", "exec", net.server, "/usr/sbin/iptables", "-A", "INPUT", "-p", "tcp",
                "--dport", "1990:1999", "-j", "DROP",
            ])
        }
        let snapshot = net.folder.appendingPathComponent("syn.json").path
        let reports = net.folder.appendingPathComponent("reports").path
        // 1-2000 plus the two listeners above it (4433, 8080), at the default rate (300 probes/s).
        let ports = "1-2000,4433,8080"
        let run = try net.inClient([
            CapdoProcess.binary, "lan", "--targets", "192.0.2.2", "--ports", ports, "--scan", "syn", "--timeout", "0.5",
            "--snapshot", snapshot, "--output", reports, "--quiet", "--format", "json",
        ])
        let facts = try LanNamespaceTests.lan(snapshot)
        let mine = Set(facts.services.map(\.port))
        let xml = try net.inClient(["nmap", "-sS", "-p", ports, "-n", "-Pn", "192.0.2.2", "-oX", "-"])
        let nmap = Self.nmapStates(xml)
        #expect(mine == [23, 4433, 8080], "\(run)")
        #expect(mine == nmap.open, "capdo \(mine.sorted()) vs nmap \(nmap.open.sorted())")
        #expect(facts.services.allSatisfy { $0.method == "syn" && $0.ip == "192.0.2.2" && $0.protocol == "tcp" })
        #expect(facts.hosts.map(\.ip) == ["192.0.2.2"])
        let scan = try #require(facts.scan)
        #expect(scan.method == "syn")
        let filtered = dropping ? 10 : 0
        #expect(scan.closed == 2002 - 3 - filtered)
        #expect(scan.closed == nmap.counts["closed"], "closed ports: capdo \(scan.closed ?? -1) vs nmap \(nmap.counts)")
        #expect(scan.filtered == filtered)
        #expect(scan.filtered == nmap.counts["filtered"] ?? 0)
        // Every port probed once, the silent ones once more (--retries 1).
        #expect(scan.probes == 2002 + filtered)
        // The report was judged like a connect scan's: telnet open is a finding.
        let report = try FileManager.default.contentsOfDirectory(atPath: reports).filter { $0.hasSuffix(".json") }
        #expect(report.count == 1)
    }

    @Test(.enabled(if: LanNamespace.isRoot, "needs root to get past the privilege check"))
    func synScanRefusesLoopbackOfBothFamiliesAndWideIPv6Prefixes() {
        for target in ["127.0.0.1", "::1"] {
            let loopback = CapdoProcess.run(["lan", "--targets", target, "--scan", "syn", "--quiet"])
            #expect(loopback.status == 64)
            #expect(
                loopback.stderr.contains("loopback") && loopback.stderr.contains("--scan connect"),
                "\(loopback.stderr)")
        }
        let wide = CapdoProcess.run(["lan", "--targets", "2001:db8::/64", "--scan", "syn", "--quiet"])
        #expect(wide.status == 64)
        #expect(wide.stderr.contains("/120") && wide.stderr.contains("256 addresses"), "\(wide.stderr)")
        let group = CapdoProcess.run(["lan", "--targets", "ff02::1", "--scan", "syn", "--quiet"])
        #expect(group.status == 64)
        #expect(group.stderr.contains("multicast"), "\(group.stderr)")
    }

    @Test(.enabled(if: LanNamespace.isRoot && Shell.exists("/usr/bin/setpriv"), "needs root and setpriv"))
    func synScanWithoutPrivilegeSaysWhatItNeeds() throws {
        // setpriv drops to nobody with no capabilities: the check must fail before anything is opened.
        let result = try Spawn.run(
            [
                "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
                CapdoProcess.binary, "lan", "--targets", "192.0.2.2", "--scan", "syn", "--quiet",
            ], allowFailure: true)
        #expect(result.status == 64)
        #expect(result.output.contains("root or CAP_NET_RAW") && result.output.contains("--scan connect"))
    }
}

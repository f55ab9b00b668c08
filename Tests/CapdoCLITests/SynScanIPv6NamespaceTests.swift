import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// `capdo lan --scan syn` over IPv6 between two namespaces (neighbour discovery instead of ARP), with nmap's own
/// IPv6 SYN scan as the oracle; and IPv6 services found passively in a tcpdump capture, with tshark as the oracle.
@Suite(.serialized) struct SynScanIPv6NamespaceTests {
    static let canRun = SynScanNamespaceTests.canRun && Shell.exists("/usr/bin/python3")

    static func scan(_ net: LanNamespaceIPv6, targets: String, ports: String, extra: [String] = []) throws -> (
        facts: LanFacts, output: String
    ) {
        let snapshot = net.net.folder.appendingPathComponent("syn6-\(UUID().uuidString).json").path
        let reports = net.net.folder.appendingPathComponent("reports").path
        let output = try net.net.inClient(
            [
                CapdoProcess.binary, "lan", "--targets", targets, "--ports", ports, "--scan", "syn", "--timeout", "0.5",
                "--snapshot", snapshot, "--output", reports, "--quiet", "--format", "json",
            ] + extra)
        return (try LanNamespaceTests.lan(snapshot), output)
    }

    /// Synchronous on purpose (see LanNamespaceTests): the scan and the oracle run as child processes.
    @Test(.enabled(if: canRun, "needs root, iproute2, openssl, python3 and nmap: network namespaces (CI runs as root)"))
    func ipv6SynScanEqualsNmapSynScan() throws {
        let net = try LanNamespaceIPv6()
        defer { net.tearDown() }
        // Ten silently dropped ports prove "filtered" when ip6tables is there (rule inside the server namespace).
        let dropping = Shell.exists("/usr/sbin/ip6tables")
        if dropping {
            try Spawn.run([
                "/usr/sbin/ip", "netns", "exec", net.net.server, "/usr/sbin/ip6tables", "-A", "INPUT", "-p", "tcp",
                "--dport", "1990:1999", "-j", "DROP",
            ])
        }
        let ports = "1-2000,4433,8080"
        let (facts, output) = try Self.scan(net, targets: "2001:db8::2", ports: ports)
        let xml = try net.net.inClient(["nmap", "-6", "-sS", "-p", ports, "-n", "-Pn", "2001:db8::2", "-oX", "-"])
        let nmap = SynScanNamespaceTests.nmapStates(xml)
        let mine = Set(facts.services.map(\.port))
        // 23 and 8080 are the IPv6 listeners; openssl s_server's 4433 listens on both families.
        #expect(mine.isSuperset(of: [23, 8080]), "\(output)")
        #expect(mine == nmap.open, "capdo \(mine.sorted()) vs nmap \(nmap.open.sorted())")
        #expect(facts.services.allSatisfy { $0.method == "syn" && $0.ip == "2001:db8::2" && $0.protocol == "tcp" })
        #expect(facts.hosts.map(\.ip) == ["2001:db8::2"])
        let scan = try #require(facts.scan)
        let filtered = dropping ? 10 : 0
        #expect(scan.closed == 2002 - mine.count - filtered)
        #expect(scan.closed == nmap.counts["closed"], "closed ports: capdo \(scan.closed ?? -1) vs nmap \(nmap.counts)")
        #expect(scan.filtered == filtered)
        #expect(scan.filtered == nmap.counts["filtered"] ?? 0)
        #expect(scan.probes == 2002 + filtered, "every port once, the silent ones once more (--retries 1)")
        #expect(scan.rate == 300, "the default rate limit holds for IPv6 too")
    }

    @Test(.enabled(if: canRun, "needs root, iproute2, openssl, python3 and nmap: network namespaces (CI runs as root)"))
    func synScanCoversAPrefixARoutedHostAndBothFamilies() throws {
        let net = try LanNamespaceIPv6()
        defer { net.tearDown() }
        // 1 + 256 + 1 addresses: over the consent threshold, so the flag is needed as for IPv4.
        let targets = "192.0.2.2,2001:db8:1::/120,2001:db8:2::5"
        let refused = try net.net.inClient([
            CapdoProcess.binary, "lan", "--targets", targets, "--scan", "syn", "--quiet",
        ])
        #expect(refused.contains("--i-have-authorisation"), "\(refused)")
        let (facts, output) = try Self.scan(
            net, targets: targets, ports: "22,23,8080", extra: ["--i-have-authorisation"])
        let found = Set(facts.services.map { "\($0.ip) \($0.port)" })
        #expect(
            found == [
                "192.0.2.2 23", "192.0.2.2 8080", "2001:db8:1::2 23", "2001:db8:1::2 8080", "2001:db8:2::5 23",
                "2001:db8:2::5 8080",
            ], "\(output)")
        #expect(Set(facts.hosts.map(\.ip)) == ["192.0.2.2", "2001:db8:1::2", "2001:db8:2::5"])
        let scan = try #require(facts.scan)
        #expect(scan.addresses == 258)
        #expect(scan.closed == 3, "port 22 on each answering host")
        // The 255 other addresses of the /120 never answer neighbour solicitation: their ports are filtered.
        #expect(scan.filtered == 255 * 3)

        let xml = try net.net.inClient([
            "nmap", "-6", "-sS", "-p", "22,23,8080", "-n", "-Pn", "2001:db8:1::/120", "2001:db8:2::5", "-oX", "-",
        ])
        var nmapOpen = Set<String>()
        for host in xml.components(separatedBy: "<host ").dropFirst() {
            guard let start = host.range(of: "addr=\""), let end = host[start.upperBound...].firstIndex(of: "\"")
            else { continue }
            let address = String(host[start.upperBound..<end])
            for port in SynScanNamespaceTests.nmapStates(host).open { nmapOpen.insert("\(address) \(port)") }
        }
        #expect(found.filter { $0.contains(":") } == nmapOpen, "capdo \(found.sorted()) vs nmap \(nmapOpen.sorted())")
    }

    /// A second interface in the client namespace (one end of a veth pair kept inside it) also carries fe80::/64:
    /// the server's link-local address is refused without --scan-interface, and scanned through the veth with it.
    @Test(.enabled(if: canRun, "needs root, iproute2, openssl, python3 and nmap: network namespaces (CI runs as root)"))
    func linkLocalTargetOnTwoInterfacesNeedsScanInterface() throws {
        let net = try LanNamespaceIPv6()
        defer { net.tearDown() }
        let (client, server, link, peer) = (net.net.client, net.net.server, net.net.clientLink, net.serverLink)
        let dummy = "cd\(link.dropFirst(2))"
        try Spawn.run([
            "/bin/bash", "-c",
            """
            set -e
            ip -n \(client) link add \(dummy) type veth peer name \(dummy)p
            ip -n \(client) link set \(dummy) up
            ip -n \(client) link set \(dummy)p up
            for i in $(seq 1 100); do
                ip -n \(client) -6 route show dev \(dummy) | grep -q '^fe80::/64' && exit 0
                sleep 0.1
            done
            exit 1
            """,
        ])
        let shown = try Shell.run("/bin/ip", ["-n", server, "-6", "addr", "show", "dev", peer, "scope", "link"])
        let target = try #require(
            shown.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ")
                guard let at = words.firstIndex(of: "inet6"), at + 1 < words.count else { return nil }
                return String(words[at + 1].split(separator: "/")[0])
            }.first)
        let refused = try net.net.inClient([
            CapdoProcess.binary, "lan", "--targets", target, "--ports", "23,8080", "--scan", "syn", "--quiet",
        ])
        #expect(refused.contains("several interfaces") && refused.contains("--scan-interface"), "\(refused)")
        let (facts, output) = try Self.scan(
            net, targets: target, ports: "22,23,8080", extra: ["--scan-interface", link])
        #expect(Set(facts.services.map(\.port)) == [23, 8080], "\(output)")
        #expect(facts.hosts.map(\.ip) == [target])
        let wrong = try net.net.inClient([
            CapdoProcess.binary, "lan", "--targets", target, "--ports", "23", "--scan-interface", link, "--quiet",
        ])
        #expect(wrong.contains("--scan syn"), "--scan-interface is refused for connect scans: \(wrong)")
    }

    /// The kernel's IPv6 neighbour table (netlink) is read before soliciting: with the server dropping every
    /// neighbour solicitation, its ports are reached only through the client's permanent entry for it.
    @Test(.enabled(if: canRun && Shell.exists("/usr/sbin/ip6tables"), "needs root, iproute2, python3, ip6tables"))
    func kernelNeighbourTableIsReadBeforeSoliciting() throws {
        let net = try LanNamespaceIPv6()
        defer { net.tearDown() }
        let (client, server, link, peer) = (net.net.client, net.net.server, net.net.clientLink, net.serverLink)
        let shown = try Shell.run("/bin/ip", ["-n", server, "link", "show", peer])
        let words = shown.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let mac = try #require(words.firstIndex(of: "link/ether").map { String(words[$0 + 1]) })
        try Spawn.run([
            "/usr/sbin/ip", "netns", "exec", server, "/usr/sbin/ip6tables", "-A", "INPUT", "-p", "icmpv6",
            "--icmpv6-type", "neighbour-solicitation", "-j", "DROP",
        ])
        try Spawn.run(["/bin/ip", "-n", client, "-6", "neigh", "flush", "dev", link])
        let (unresolved, first) = try Self.scan(net, targets: "2001:db8::2", ports: "23,8080")
        #expect(unresolved.services.isEmpty, "no answer to our solicitation: \(first)")
        #expect(unresolved.scan?.filtered == 2)
        try Spawn.run([
            "/bin/ip", "-n", client, "-6", "neigh", "replace", "2001:db8::2", "lladdr", mac, "dev", link, "nud",
            "permanent",
        ])
        let (resolved, output) = try Self.scan(net, targets: "2001:db8::2", ports: "23,8080")
        #expect(Set(resolved.services.map(\.port)) == [23, 8080], "\(output)")
    }

    @Test(.enabled(if: canRun && Shell.exists("/usr/bin/tcpdump"), "needs root, iproute2, python3 and tcpdump"))
    func passiveCaptureFindsIPv6Services() throws {
        let net = try LanNamespaceIPv6()
        defer { net.tearDown() }
        let folder = net.net.folder.path
        let capture = folder + "/v6.pcap"
        let client = """
            import socket
            s = socket.create_connection(("2001:db8::2", 8080), timeout=5)
            s.close()
            u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
            u.settimeout(5)
            u.sendto(b"capdo", ("2001:db8::2", 5000))
            u.recvfrom(100)
            """
        try client.write(toFile: folder + "/client6.py", atomically: true, encoding: .utf8)
        let (netns, link) = (net.net.client, net.net.clientLink)
        // tcpdump -U writes every packet as it comes; it is live once it says "listening".
        let script = """
            setsid ip netns exec \(netns) tcpdump -U -i \(link) -w \(capture) ip6 </dev/null >/dev/null 2>\(folder)/td.log &
            for i in $(seq 1 100); do grep -q listening \(folder)/td.log 2>/dev/null && break; sleep 0.1; done
            ip netns exec \(netns) python3 \(folder)/client6.py
            for i in $(seq 1 100); do
                [ "$(tcpdump -r \(capture) 'udp port 5000' 2>/dev/null | wc -l)" -ge 2 ] && break; sleep 0.1
            done
            kill -KILL $(ip netns pids \(netns)) 2>/dev/null || true
            """
        try Spawn.run(["/bin/bash", "-c", script])
        let snapshot = folder + "/passive6.json"
        let result = CapdoProcess.run([
            "lan", "--pcap", capture, "--snapshot", snapshot, "--output", folder + "/reports", "--quiet",
        ])
        #expect([0, 2].contains(result.status), "\(result.stderr)")
        let facts = try LanNamespaceTests.lan(snapshot)
        let services = Set(facts.services.map { "\($0.protocol) \($0.ip) \($0.port)" })
        #expect(services == ["tcp 2001:db8::2 8080", "udp 2001:db8::2 5000"])
        #expect(facts.services.allSatisfy { $0.method == "passive" && $0.clients == ["2001:db8::1"] })
        #expect(facts.counters.malformed == 0)
        if Shell.exists("/usr/bin/tshark") {
            let out = try Shell.run(
                "/usr/bin/tshark",
                [
                    "-r", capture, "-Y", "tcp.flags.syn==1 && tcp.flags.ack==1", "-T", "fields", "-e", "ipv6.src",
                    "-e", "tcp.srcport",
                ])
            let oracle = Set(
                out.split(separator: "\n").map { "tcp " + $0.split(separator: "\t").joined(separator: " ") })
            #expect(oracle == services.filter { $0.hasPrefix("tcp") }, "tshark's SYN-ACK senders")
        }
    }
}

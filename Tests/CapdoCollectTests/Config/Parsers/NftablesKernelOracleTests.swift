import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// The kernel as the oracle for `config.firewall_accept`'s nftables reading: each rule set is loaded with `nft -f`
/// into a network namespace the test creates, and TCP connections to port 22 are made from three source addresses
/// in a second namespace (the rule sets are `NftablesAcceptTests.conf`'s, output chain included). capdo must never read a rule set as narrower than the kernel enforces it (every source
/// the kernel lets in is among capdo's sources), and where the rules say exactly who may connect, capdo's sources
/// are exactly the ones the kernel lets in.
@Suite(
    "nftables accept sources against the kernel",
    .enabled(
        if: getuid() == 0 && Shell.exists("/usr/sbin/nft") && Shell.exists("/usr/bin/python3")
            && Shell.exists("/bin/ip"),
        "needs root, nftables, iproute2 and python3"))
struct NftablesKernelOracleTests {
    /// Client addresses, each on its own subnet shared with the firewalled namespace (which has .1 on each).
    static let clients = ["10.10.30.5", "192.0.2.7", "198.51.100.9"]

    /// (name, what goes in the table before the input chain, the input chain's rules, exact).
    static let cases: [(String, String, String, Bool)] = [
        ("one subnet", "", "tcp dport 22 ip saddr 10.10.30.0/24 accept", true),
        ("a set of sources", "", "ip saddr { 10.10.30.0/24, 192.0.2.7 } tcp dport { 22, 443 } accept", true),
        ("every source", "", "tcp dport ssh accept", true),
        ("every port from one subnet", "", "ip saddr 198.51.100.0/24 accept", true),
        (
            "a named set", "set admins { type ipv4_addr; flags interval; elements = { 192.0.2.0/24 } }",
            "ip saddr @admins tcp dport 22 accept", true
        ),
        (
            "a jump narrowed by its source", "chain admin { tcp dport 22 accept; }",
            "ip saddr 10.10.30.0/24 jump admin", true
        ),
        ("another protocol and port only", "", "udp dport 22 accept\n tcp dport 443 accept", true),
        ("a verdict map", "", "tcp dport vmap { 22 : accept, 80 : drop }", true),
        ("a negated source (read as every source)", "", "ip saddr != 10.10.30.0/24 tcp dport 22 accept", false),
    ]

    @Test func capdoNeverReadsARuleSetNarrowerThanTheKernel() throws {
        let tag = String(getpid() % 100_000) + String(Int.random(in: 10...99))
        let firewall = "capdo-nft-f\(tag)"
        let client = "capdo-nft-c\(tag)"
        let root = try TemporaryDirectory()
        defer {
            _ = try? Shell.run(
                "/bin/bash",
                [
                    "-c",
                    "ip netns pids \(firewall) | xargs -r kill -9; ip netns del \(firewall); "
                        + "ip netns del \(client)",
                ], allowFailure: true)
        }
        var setup = """
            set -e
            ip netns add \(firewall)
            ip netns add \(client)
            ip link add nf\(tag)a type veth peer name nf\(tag)b
            ip link set nf\(tag)a netns \(firewall)
            ip link set nf\(tag)b netns \(client)
            ip -n \(firewall) link set nf\(tag)a up
            ip -n \(client) link set nf\(tag)b up
            ip -n \(firewall) link set lo up

            """
        for address in Self.clients {
            let subnet = address.split(separator: ".").dropLast().joined(separator: ".")
            setup += "ip -n \(firewall) addr add \(subnet).1/24 dev nf\(tag)a\n"
            setup += "ip -n \(client) addr add \(address)/24 dev nf\(tag)b\n"
        }
        try Shell.run("/bin/bash", ["-c", setup])
        // The listener runs as a child of the test (a background job of a shell would outlive it).
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/bin/ip")
        listener.arguments = [
            "netns", "exec", firewall, "/usr/bin/python3", "-c",
            "import socket\ns = socket.create_server((\"0.0.0.0\", 22), backlog=64)\n"
                + "while True:\n    s.accept()[0].close()\n",
        ]
        listener.standardOutput = FileHandle.nullDevice
        listener.standardError = FileHandle.nullDevice
        try listener.run()
        defer { listener.terminate() }
        try Shell.run(
            "/bin/bash",
            [
                "-c",
                "for i in $(seq 1 50); do ip netns exec \(firewall) ss -ltn | grep -q ':22 ' && exit 0; sleep 0.1; done; exit 1",
            ])
        let probe = """
            import socket, sys
            for source in sys.argv[1:]:
                target = source.rsplit(".", 1)[0] + ".1"
                try:
                    socket.create_connection((target, 22), timeout=0.4, source_address=(source, 0)).close()
                    print(source)
                except OSError:
                    pass
            """
        for (name, table, rules, exact) in Self.cases {
            let text = NftablesAcceptTests.conf(rules, table: table)
            let file = root.url.appendingPathComponent("nftables.conf").path
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            try Shell.run("/bin/ip", ["netns", "exec", firewall, "/usr/sbin/nft", "-f", file])
            let output = try Shell.run(
                "/bin/ip", ["netns", "exec", client, "/usr/bin/python3", "-c", probe] + Self.clients)
            let kernel = Set(output.split(separator: "\n").map(String.init))
            let entry = FirewallAcceptParser.parse(.memory(["etc/nftables.conf": text])).0.entries["tcp.22"]
            let sources = entry?.value.split(separator: " ").map(String.init) ?? []
            let capdo = Set(Self.clients.filter { client in sources.contains { Self.contains($0, client) } })
            #expect(
                kernel.isSubset(of: capdo), "\(name): the kernel lets in \(kernel.sorted()), capdo reads \(sources)")
            if exact {
                #expect(kernel == capdo, "\(name): the kernel lets in \(kernel.sorted()), capdo reads \(sources)")
            }
        }
    }

    /// Whether `source` (`any`, an address or an IPv4 prefix) covers the IPv4 `address`.
    static func contains(_ source: String, _ address: String) -> Bool {
        if source == "any" { return true }
        let parts = source.split(separator: "/")
        guard let network = value(String(parts[0])), let ip = value(address) else { return false }
        let length = parts.count > 1 ? Int(parts[1]) ?? 32 : 32
        let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << (32 - length)
        return network & mask == ip & mask
    }

    static func value(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".").compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return octets.reduce(0) { $0 << 8 | $1 }
    }
}

import CapdoCollect
import CapdoCore
import Testing

/// nftables rule sets read for the sources the firewall accepts on port 22 (`config.firewall_accept`).
@Suite("nftables sources on administration ports")
struct NftablesAcceptTests {
    /// `etc/nftables.conf` with `rules` in an input chain that drops by default, after the usual loopback and
    /// established-connection rules; `preamble` goes before the table, `table` inside it before the chain.
    static func conf(_ rules: String, preamble: String = "", table: String = "") -> String {
        """
        #!/usr/sbin/nft -f
        flush ruleset
        \(preamble)
        table inet filter {
        \(table)
            chain input {
                type filter hook input priority filter; policy drop;
                iifname "lo" accept
                ct state established,related accept
                \(rules)
            }
            chain output { type filter hook output priority filter; tcp dport 22 accept; }
        }

        """
    }

    static func port22(_ text: String) -> ConfigEntry? {
        FirewallAcceptParser.parse(.memory(["etc/nftables.conf": text])).0.entries["tcp.22"]
    }

    @Test(
        arguments: [
            ("tcp dport 22 ip saddr 10.10.30.0/24 accept", "10.10.30.0/24"),
            ("ip saddr { 10.10.30.0/24, 10.10.31.5 } tcp dport { 22, 443 } counter accept", "10.10.30.0/24 10.10.31.5"),
            ("ip6 saddr fd00:30::/64 tcp dport ssh accept", "fd00:30::/64"),
            ("tcp dport ssh accept", "any"),
            ("tcp dport 20-30 log prefix \"ssh \" accept", "any"),
            ("ip saddr 192.0.2.0/24 accept", "192.0.2.0/24"),
            ("ip saddr 0.0.0.0/0 tcp dport 22 accept", "any"),
            ("ip saddr != 10.10.30.0/24 tcp dport 22 accept", "any"),
            ("tcp dport != 443 accept", "any"),
            ("ct state { new, established } tcp dport 22 accept", "any"),
            ("meta l4proto tcp th dport 22 accept", "any"),
            ("tcp dport vmap { 22 : accept, 80 : drop }", "any"),
            ("tcp dport 443 accept", nil),
            ("tcp dport http accept", nil),
            ("udp dport 22 accept", nil),
            ("meta l4proto udp accept", nil),
            ("iif lo accept", nil),
            ("ct state established accept", nil),
            ("tcp dport 22 drop", nil),
            ("tcp dport 22 reject with tcp reset", nil),
        ] as [(String, String?)])
    func ruleInTheInputChain(rule: String, sources: String?) {
        #expect(Self.port22(Self.conf(rule))?.value == sources, "\(rule)")
    }

    @Test func locatedAtTheFirstAcceptingRule() {
        let text = Self.conf("tcp dport 443 accept\n        ip saddr 10.0.0.0/8 tcp dport 22 accept\n")
        #expect(Self.port22(text) == ConfigEntry(value: "10.0.0.0/8", file: "etc/nftables.conf", line: 11))
    }

    @Test func namedSetsDefinesAndJumpsNarrowTheSources() {
        let set =
            "    set admins { type ipv4_addr; flags interval\n        elements = { 10.10.30.0/24,\n"
            + "            10.10.31.0/24 } }\n"
        #expect(
            Self.port22(Self.conf("ip saddr @admins tcp dport 22 accept", table: set))?.value
                == "10.10.30.0/24 10.10.31.0/24")
        #expect(Self.port22(Self.conf("ip saddr @unknown tcp dport 22 accept"))?.value == "@unknown")
        let define = "define MGMT = { 10.10.30.5, 10.10.30.6 }"
        #expect(
            Self.port22(Self.conf("ip saddr $MGMT tcp dport 22 accept", preamble: define))?.value
                == "10.10.30.5 10.10.30.6")
        let admin = "    chain admin {\n        tcp dport 22 accept\n    }\n"
        #expect(Self.port22(Self.conf("ip saddr 10.10.30.0/24 jump admin", table: admin))?.value == "10.10.30.0/24")
        #expect(Self.port22(Self.conf("tcp dport 22 goto admin", table: admin))?.value == "any")
        #expect(Self.port22(Self.conf("tcp dport 443 jump admin", table: admin)) == nil, "the jump's port narrows")
        #expect(Self.port22(Self.conf("udp dport 53 accept", table: admin)) == nil, "a chain never jumped to")
        let loop = "    chain a { jump b; }\n    chain b { jump a; }\n"
        #expect(Self.port22(Self.conf("jump a", table: loop)) == nil, "a jump loop ends")
    }

    @Test func commandSyntaxIncludesContinuationsAndFlush() {
        let files = ConfigFiles.memory([
            "etc/nftables.conf": """
            table inet old { chain input { type filter hook input priority 0; tcp dport 22 accept; } }
            flush ruleset
            include "nftables.d/*.nft"

            """,
            "etc/nftables.d/10-filter.nft": """
            add table filter
            add chain filter input { type filter hook input priority 0 ; policy drop ; }
            add rule filter input tcp dport { 22,
                3389 } ip saddr \\
                10.10.30.0/24 accept
            add element ip filter admins { 10.10.40.0/24 }
            add rule ip filter input ip saddr @admins tcp dport 5900 accept

            """,
        ])
        let (section, issues) = FirewallAcceptParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(
            section.entries["tcp.22"]
                == ConfigEntry(value: "10.10.30.0/24", file: "etc/nftables.d/10-filter.nft", line: 3))
        #expect(section.entries["tcp.3389"]?.value == "10.10.30.0/24")
        #expect(section.entries["tcp.5900"]?.value == "10.10.40.0/24")
        #expect(section.entries["tcp.23"] == nil)
        #expect(section.files == ["etc/nftables.conf", "etc/nftables.d/10-filter.nft"])
    }

    @Test func onlyInputChainsOfIPFamiliesCount() {
        let text = """
            table netdev edge { chain ingress { type filter hook ingress device eth0 priority 0; accept; } }
            table ip nat { chain prerouting { type nat hook prerouting priority -100; tcp dport 22 accept; } }
            table filter { chain input { type filter hook input priority 0; tcp dport 23 accept; } }

            """
        let entries = FirewallAcceptParser.parse(.memory(["etc/nftables.conf": text])).0.entries
        #expect(entries["tcp.22"] == nil && entries["tcp.23"]?.value == "any")
    }

    @Test func brokenFilesAreReportedAndReadAsFarAsTheyGo() {
        let text =
            "table inet filter {\n  chain input {\n    type filter hook input priority 0;\n"
            + "    tcp dport 22 ip saddr { 10.0.0.1, accept\n"
        let (section, issues) = FirewallAcceptParser.parse(.memory(["etc/nftables.conf": text]))
        #expect(issues.contains { $0.message.contains("not closed") && $0.file == "etc/nftables.conf" })
        #expect(section.present)
    }
}

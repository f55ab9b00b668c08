import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("firewall configuration")
struct FirewallParserTests {
    @Test func ufwEnabledWithDrop() {
        let files = ConfigFiles.memory([
            "etc/ufw/ufw.conf": "# comment\nENABLED=yes\nLOGLEVEL=low\n",
            "etc/default/ufw": "IPV6=yes\nDEFAULT_INPUT_POLICY=\"DROP\"\nDEFAULT_OUTPUT_POLICY=\"ACCEPT\"\n",
        ])
        let (section, issues) = FirewallParser.parse(files)
        #expect(issues.isEmpty)
        #expect(section.entries["ufw_enabled"] == ConfigEntry(value: "yes", file: "etc/ufw/ufw.conf", line: 2))
        #expect(section.entries["ufw_default_input"]?.value == "DROP")
        #expect(
            section.entries["default_deny_inbound"] == ConfigEntry(value: "yes", file: "etc/default/ufw", line: 2))
    }

    @Test func ufwInstalledButDisabled() {
        let files = ConfigFiles.memory([
            "etc/ufw/ufw.conf": "ENABLED=no\n", "etc/default/ufw": "DEFAULT_INPUT_POLICY=\"DROP\"\n",
        ])
        #expect(FirewallParser.parse(files).0.entries["default_deny_inbound"]?.value == "no")
    }

    @Test func nftablesWithIncludes() {
        let files = ConfigFiles.memory([
            "etc/nftables.conf": """
            #!/usr/sbin/nft -f
            flush ruleset
            include "/etc/nftables.d/*.nft"
            table inet filter {
            \tchain forward { type filter hook forward priority filter; policy drop; }
            }

            """,
            "etc/nftables.d/10-input.nft": """
            table inet filter {
              set allowed { type ipv4_addr; elements = { 192.0.2.1, 192.0.2.2 } }
              chain input {
                type filter hook input priority 0
                policy drop   # default deny
                ct state established,related accept
              }
            }

            """,
        ])
        let (section, issues) = FirewallParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(
            section.entries["nftables_input_policy"]
                == ConfigEntry(value: "drop", file: "etc/nftables.d/10-input.nft", line: 5))
        #expect(section.entries["default_deny_inbound"]?.file == "etc/nftables.d/10-input.nft")
    }

    @Test func debianDefaultNftablesAccepts() {
        let files = ConfigFiles.memory([
            "etc/nftables.conf": """
            flush ruleset

            table inet filter {
            \tchain input {
            \t\ttype filter hook input priority filter;
            \t}
            \tchain output {
            \t\ttype filter hook output priority filter;
            \t}
            }

            """
        ])
        let entries = FirewallParser.parse(files).0.entries
        #expect(entries["nftables_input_policy"] == ConfigEntry(value: "accept", file: "etc/nftables.conf", line: 4))
        #expect(entries["default_deny_inbound"] == ConfigEntry(value: "no"))
    }

    @Test func iptablesPersistent() {
        let files = ConfigFiles.memory([
            "etc/iptables/rules.v4":
                "*nat\n:INPUT ACCEPT [0:0]\nCOMMIT\n*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n"
                + "-A INPUT -i lo -j ACCEPT\nCOMMIT\n",
            "etc/iptables/rules.v6": "*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n",
        ])
        let entries = FirewallParser.parse(files).0.entries
        #expect(entries["iptables_input_policy"] == ConfigEntry(value: "DROP", file: "etc/iptables/rules.v4", line: 5))
        #expect(entries["ip6tables_input_policy"]?.value == "ACCEPT")
        #expect(entries["default_deny_inbound"]?.line == 5)
    }

    @Test func brokenNftables() {
        let files = ConfigFiles.memory([
            "etc/nftables.conf":
                "include \"/etc/nftables.conf\"\n}\ntable inet f {\n chain input { type filter hook input"
                + " priority 0; policy drop;\n"
        ])
        let (section, issues) = FirewallParser.parse(files)
        #expect(issues.contains { $0.message.contains("include loop") })
        #expect(issues.contains { $0.line == 2 })
        #expect(issues.contains { $0.message.contains("not closed") })
        #expect(section.present)
    }

    @Test func nothingInstalled() {
        let (section, _) = FirewallParser.parse(.memory([:]))
        #expect(!section.present && section.entries.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/nftables.conf"), "needs package nftables"))
    func realDebianFiles() throws {
        let root = try TemporaryDirectory()
        for path in ["/etc/nftables.conf", "/etc/ufw/ufw.conf", "/etc/default/ufw"] { try root.copyFromHost(path) }
        let (section, issues) = FirewallParser.parse(root.files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.entries["nftables_input_policy"]?.value == "accept")
        #expect(section.entries["default_deny_inbound"]?.value == "no")
    }
}

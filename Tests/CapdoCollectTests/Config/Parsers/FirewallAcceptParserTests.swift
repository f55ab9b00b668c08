import CapdoCollect
import CapdoCore
import Testing

@Suite("Firewall sources on administration ports")
struct FirewallAcceptParserTests {
    @Test(
        arguments: [
            ("-A ufw-user-input -p tcp --dport 22 -s 10.10.30.0/24 -j ACCEPT", "10.10.30.0/24"),
            ("-A ufw-user-input -p tcp --dport 22 -j ACCEPT", "any"),
            ("-A ufw-user-input -p tcp --dport 22 -j ufw-user-limit-accept", "any"),
            ("-A INPUT -s 192.0.2.0/24 -j ACCEPT", "192.0.2.0/24"),
            ("-A INPUT -p tcp -m multiport --dports 80,443,20:25 -j ACCEPT", "any"),
            ("-A INPUT ! -s 192.0.2.0/24 -p tcp --dport 22 -j ACCEPT", "any"),
            ("-A INPUT -p tcp --dport 443 -j ACCEPT", nil),
            ("-A INPUT -i lo -j ACCEPT", nil),
            ("-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT", nil),
            ("-A INPUT -p udp --dport 22 -j ACCEPT", nil),
            ("-A OUTPUT -p tcp --dport 22 -j ACCEPT", nil),
            ("-A INPUT -p tcp --dport 22 -j DROP", nil),
        ] as [(String, String?)])
    func sourceForPort22(line: String, source: String?) {
        #expect(FirewallAcceptParser.acceptedSource(line, port: 22) == source)
    }

    @Test func ufwRulesCountOnlyWhenUfwIsEnabled() {
        let rules = """
            *filter
            :ufw-user-input - [0:0]
            -A ufw-user-input -p tcp --dport 22 -s 10.10.30.0/24 -j ACCEPT
            -A ufw-user-input -p tcp --dport 22 -s 10.10.31.0/24 -j ACCEPT
            -A ufw-user-input -p tcp --dport 3389 -j ACCEPT
            COMMIT

            """
        let enabled = FirewallAcceptParser.parse(
            .memory(["etc/ufw/ufw.conf": "ENABLED=yes\n", "etc/ufw/user.rules": rules])
        ).0
        #expect(
            enabled.entries["tcp.22"]
                == ConfigEntry(value: "10.10.30.0/24 10.10.31.0/24", file: "etc/ufw/user.rules", line: 3))
        #expect(enabled.entries["tcp.3389"]?.value == "any")
        let disabled = FirewallAcceptParser.parse(
            .memory(["etc/ufw/ufw.conf": "ENABLED=no\n", "etc/ufw/user.rules": rules])
        ).0
        #expect(disabled.entries.isEmpty)
    }
}

import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// Every truncation and random byte flips of small valid inputs: parsers must end with a result (and issues),
/// never crash or hang.
@Suite("config file parsers survive damaged input")
struct ConfigParsersRobustnessTests {
    /// A parser under test: its main file, a small valid text and the parse function.
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var path: String
        var valid: String
        var parse: @Sendable (ConfigFiles) -> (ConfigSection, [CollectionIssue])
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "logrotate", path: LogrotateParser.mainFile,
            valid: "weekly\nrotate 4\n\"/var/log/auth.log\" /var/log/syslog {\n daily\n maxage 30\n postrotate\n"
                + "  kill -HUP 1\n endscript\n}\ninclude /etc/logrotate.d\n",
            parse: LogrotateParser.parse),
        Case(
            name: "sysctl", path: "etc/sysctl.d/99-sysctl.conf",
            valid: "# c\nnet.ipv4.ip_forward = 0\n-kernel.yama.ptrace_scope=1\nnet/ipv4/tcp_syncookies = 1\n",
            parse: SysctlParser.parse),
        Case(
            name: "nginx", path: NginxParser.mainFile,
            valid: "user www-data;\nhttp {\n  server_tokens off; # c\n  access_log \"/var/log/a b.log\" combined;\n"
                + "  server { listen 80; location / { autoindex on; } }\n  include conf.d/*.conf;\n}\n",
            parse: NginxParser.parse),
        Case(
            name: "apache2", path: Apache2Parser.mainFile,
            valid: "ServerTokens Prod\n<VirtualHost *:80>\n  CustomLog /var/log/a.log \\\n combined\n"
                + "  <Directory /x>\n Options +Indexes\n </Directory>\n</VirtualHost>\nIncludeOptional x/*.conf\n",
            parse: Apache2Parser.parse),
        Case(
            name: "rsyslog", path: RsyslogParser.mainFile,
            valid: "module(load=\"imuxsock\") # c\nauth,authpriv.*\t/var/log/auth.log\n*.* @@host:514\n"
                + "action(type=\"omfwd\"\n target=\"h\")\n",
            parse: RsyslogParser.parse),
        Case(
            name: "nftables", path: "etc/nftables.conf",
            valid: "table inet f {\n chain input { type filter hook input priority 0; policy drop; }\n}\n",
            parse: FirewallParser.parse),
    ]

    @Test(arguments: cases)
    func everyTruncation(_ item: Case) {
        let bytes = Array(item.valid.utf8)
        let start = ContinuousClock.now
        for length in 0...bytes.count {
            let text = String(decoding: bytes[0..<length], as: UTF8.self)
            let (section, _) = item.parse(.memory([item.path: text]))
            #expect(section.present)
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test(arguments: cases)
    func randomByteFlips(_ item: Case) {
        var generator = SeededGenerator(seed: 0x5EED)
        let bytes = Array(item.valid.utf8)
        let start = ContinuousClock.now
        for _ in 0..<500 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<damaged.count, using: &generator)
                damaged[index] = UInt8.random(in: 0...255, using: &generator)
            }
            let (section, issues) = item.parse(.memory([item.path: String(decoding: damaged, as: UTF8.self)]))
            #expect(section.present)
            #expect(issues.allSatisfy { $0.collector.hasPrefix("config.") })
        }
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test(arguments: cases)
    func enormousLineAndEmptyFile(_ item: Case) {
        let huge = String(repeating: "x", count: 200_000)
        let (_, issues) = item.parse(.memory([item.path: item.valid + huge + "\n" + item.valid]))
        #expect(issues.contains { $0.message.contains("longer than") })
        let (section, _) = item.parse(.memory([item.path: ""]))
        #expect(section.present)
    }
}

import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("nginx configuration")
struct NginxParserTests {
    static let small = """
        user www-data;
        events { worker_connections 768; }
        http {
            server_tokens off; # hide version
            ssl_protocols TLSv1.2 TLSv1.3;
            access_log /var/log/nginx/access.log;
            error_log "/var/log/nginx/error log.txt" warn;
            include /etc/nginx/conf.d/*.conf;
        }

        """

    @Test func includesAndKeys() {
        let files = ConfigFiles.memory([
            "etc/nginx/nginx.conf": Self.small,
            "etc/nginx/conf.d/a.conf": "server {\n listen 80;\n location /pub/ { autoindex on; }\n}\n",
            "etc/nginx/conf.d/b.conf": "server { listen 81; access_log off; server_tokens off; }\n",
            "etc/nginx/conf.d/.hidden.conf": "server { server_tokens on; }\n",
        ])
        let (section, issues) = NginxParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        let e = section.entries
        #expect(section.files == ["etc/nginx/nginx.conf", "etc/nginx/conf.d/a.conf", "etc/nginx/conf.d/b.conf"])
        #expect(e["server_tokens"] == ConfigEntry(value: "off", file: "etc/nginx/nginx.conf", line: 4))
        #expect(e["ssl_protocols"]?.value == "TLSv1.2 TLSv1.3")
        #expect(e["access_log"] == ConfigEntry(value: "off", file: "etc/nginx/conf.d/b.conf", line: 1))
        #expect(e["error_log"]?.value == "/var/log/nginx/error log.txt")
        #expect(e["autoindex"] == ConfigEntry(value: "on", file: "etc/nginx/conf.d/a.conf", line: 3))
    }

    @Test func defaultsAndAnyOnWins() {
        let files = ConfigFiles.memory([
            "etc/nginx/nginx.conf":
                "http { server_tokens off; server { server_tokens build; } access_log logs/a.log; }\n"
        ])
        let e = NginxParser.parse(files).0.entries
        #expect(e["server_tokens"]?.value == "build")
        #expect(e["autoindex"] == .defaultValue("off"))
        #expect(e["access_log"]?.value == "logs/a.log")
        let empty = NginxParser.parse(.memory(["etc/nginx/nginx.conf": "events {}\n"])).0.entries
        #expect(empty["server_tokens"] == .defaultValue("on"))
        #expect(!NginxParser.parse(.memory([:])).0.present)
    }

    @Test func brokenInput() {
        let files = ConfigFiles.memory([
            "etc/nginx/nginx.conf": """
            include nginx.conf;
            http {
                server_tokens "<script>alert(1)</script>";
                }
            }
            include missing.conf;
            server { autoindex on
            """
        ])
        let (section, issues) = NginxParser.parse(files)
        #expect(section.entries["server_tokens"]?.value == "<script>alert(1)</script>")
        #expect(issues.contains { $0.message.contains("include loop") })
        #expect(issues.contains { $0.line == 5 && $0.message.contains("unexpected '}'") })
        #expect(issues.contains { $0.line == 6 })
        #expect(issues.contains { $0.line == 7 })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/nginx/nginx.conf"), "needs package nginx"))
    func realDebianFiles() throws {
        let root = try TemporaryDirectory()
        try root.copyTreeFromHost("/etc/nginx")
        let (section, issues) = NginxParser.parse(root.files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.files.contains("etc/nginx/sites-enabled/default"))
        #expect(section.entries["access_log"]?.value == "/var/log/nginx/access.log")
        #expect(section.entries["ssl_protocols"]?.value.contains("TLSv1.2") == true)
        #expect(section.entries["autoindex"]?.value == "off")
    }
}

import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("apache2 configuration")
struct Apache2ParserTests {
    @Test func debianLayout() {
        let files = ConfigFiles.memory([
            "etc/apache2/apache2.conf": """
            ErrorLog ${APACHE_LOG_DIR}/error.log
            IncludeOptional mods-enabled/*.load
            Include ports.conf
            <Directory /var/www/>
            \tOptions Indexes FollowSymLinks
            </Directory>
            IncludeOptional conf-enabled/*.conf
            IncludeOptional sites-enabled/*.conf

            """,
            "etc/apache2/ports.conf": "Listen 80\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n",
            "etc/apache2/conf-enabled/security.conf": "ServerTokens OS\nServerTokens Prod\nServerSignature On\n",
            "etc/apache2/sites-enabled/000-default.conf": """
            <VirtualHost *:80>
            \tServerSignature Off
            \tCustomLog ${APACHE_LOG_DIR}/access.log \\
            \t\tcombined
            \tSSLProtocol all -SSLv3
            </VirtualHost>

            """,
        ])
        let (section, issues) = Apache2Parser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        let e = section.entries
        #expect(
            e["ServerTokens"] == ConfigEntry(value: "Prod", file: "etc/apache2/conf-enabled/security.conf", line: 2))
        #expect(e["ServerSignature"]?.value == "On")
        #expect(e["ErrorLog"]?.value == "${APACHE_LOG_DIR}/error.log")
        #expect(
            e["CustomLog"]
                == ConfigEntry(
                    value: "${APACHE_LOG_DIR}/access.log combined", file: "etc/apache2/sites-enabled/000-default.conf",
                    line: 3))
        #expect(e["SSLProtocol"]?.value == "all -SSLv3")
        #expect(e["Options_Indexes"] == ConfigEntry(value: "yes", file: "etc/apache2/apache2.conf", line: 5))
    }

    @Test(arguments: [
        (["Indexes"], true), (["+Indexes", "-ExecCGI"], true), (["All"], true), (["-Indexes"], false),
        (["FollowSymLinks"], false), (["None"], false),
    ])
    func options(arguments: [String], enables: Bool) {
        #expect(Apache2Parser.enablesIndexes(arguments) == enables)
    }

    @Test func defaultsAndBrokenInput() {
        let files = ConfigFiles.memory([
            "etc/apache2/apache2.conf": """
            Include apache2.conf
            Include missing.conf
            </VirtualHost>
            <VirtualHost *:80
            ServerSignature "<script>"
            </Directory>
            <Location />
            Options -Indexes \\
            """
        ])
        let (section, issues) = Apache2Parser.parse(files)
        #expect(section.entries["ServerTokens"] == .defaultValue("Full"))
        #expect(section.entries["ServerSignature"]?.value == "<script>")
        #expect(section.entries["Options_Indexes"] == ConfigEntry(value: "no"))
        #expect(issues.contains { $0.message.contains("include loop") })
        #expect(Set(issues.compactMap(\.line)).isSuperset(of: [2, 3, 4, 6, 7, 8]), "\(issues)")
        #expect(!Apache2Parser.parse(.memory([:])).0.present)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/apache2/apache2.conf"), "needs package apache2"))
    func realDebianFiles() throws {
        let root = try TemporaryDirectory()
        try root.copyTreeFromHost("/etc/apache2")
        let (section, issues) = Apache2Parser.parse(root.files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.entries["ServerTokens"]?.value == "OS")
        #expect(section.entries["ServerSignature"]?.value == "On")
        #expect(section.entries["Options_Indexes"]?.value == "yes")
        // conf-enabled is included before sites-enabled, so its CustomLog comes first.
        #expect(section.entries["CustomLog"]?.value.contains("other_vhosts_access.log") == true)
    }
}

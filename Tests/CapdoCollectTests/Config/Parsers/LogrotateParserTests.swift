import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("logrotate configuration")
struct LogrotateParserTests {
    static let debianConf = """
        # see "man logrotate" for details
        weekly
        rotate 4
        create
        #dateext
        include /etc/logrotate.d

        """
    static let rsyslog = """
        /var/log/syslog
        /var/log/mail.log
        /var/log/auth.log
        {
        \trotate 4
        \tweekly
        \tsharedscripts
        \tpostrotate
        \t\t/usr/lib/rsyslog/rsyslog-rotate { }
        \tendscript
        }

        """
    static let nginx = """
        /var/log/nginx/*.log {
        \tdaily
        \trotate 14
        \tcreate 0640 www-data adm
        }

        """

    @Test func debianLayout() {
        let files = ConfigFiles.memory([
            "etc/logrotate.conf": Self.debianConf,
            "etc/logrotate.d/rsyslog": Self.rsyslog,
            "etc/logrotate.d/nginx": Self.nginx,
            "etc/logrotate.d/nginx.dpkg-old": "/var/log/nginx/*.log {\n daily\n rotate 1\n}\n",
            "etc/logrotate.d/apache2": "/var/log/apache2/*.log {\n maxage 400\n}\n",
        ])
        let (section, issues) = LogrotateParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(
            section.files == [
                "etc/logrotate.conf", "etc/logrotate.d/apache2", "etc/logrotate.d/nginx", "etc/logrotate.d/rsyslog",
            ])
        let e = section.entries
        #expect(e["frequency"] == ConfigEntry(value: "weekly", file: "etc/logrotate.conf", line: 2))
        #expect(e["rotate"] == ConfigEntry(value: "4", file: "etc/logrotate.conf", line: 3))
        #expect(e["retention_days"]?.value == "28")
        #expect(e["maxage"] == nil)
        #expect(e["auth.rotate"] == ConfigEntry(value: "4", file: "etc/logrotate.d/rsyslog", line: 5))
        #expect(e["auth.retention_days"] == ConfigEntry(value: "28", file: "etc/logrotate.d/rsyslog", line: 1))
        #expect(e["syslog.frequency"]?.value == "weekly")
        #expect(e["nginx.frequency"] == ConfigEntry(value: "daily", file: "etc/logrotate.d/nginx", line: 2))
        #expect(e["nginx.retention_days"]?.value == "14")
        #expect(e["apache2.maxage"]?.value == "400")
        #expect(e["apache2.retention_days"]?.value == "400")
        // Inherited from the globals, located at the block.
        #expect(e["apache2.frequency"] == ConfigEntry(value: "weekly", file: "etc/logrotate.d/apache2", line: 1))
    }

    @Test(arguments: [
        ("daily", "7", "7"), ("weekly", "4", "28"), ("monthly", "12", "360"), ("yearly", "2", "730"),
        ("hourly", "48", "2"), ("weekly", "-1", "unlimited"),
    ])
    func retention(frequency: String, rotate: String, days: String) {
        let files = ConfigFiles.memory(["etc/logrotate.conf": "\(frequency)\nrotate \(rotate)\n"])
        #expect(LogrotateParser.parse(files).0.entries["retention_days"]?.value == days)
    }

    @Test func secureAndMessagesAndGlobsWithClasses() {
        let files = ConfigFiles.memory([
            "etc/logrotate.conf": "monthly\nrotate 3\n\"/var/log/secure\" /var/log/[m]essages {\n daily\n}\n"
        ])
        let entries = LogrotateParser.parse(files).0.entries
        #expect(entries["auth.retention_days"]?.value == "3")
        #expect(entries["syslog.frequency"]?.value == "daily")
        #expect(entries["retention_days"]?.value == "90")
    }

    @Test func brokenInputReportsAndContinues() {
        let files = ConfigFiles.memory([
            "etc/logrotate.conf": "weekly\nrotate four\n}\nbogus <script>\ninclude /etc/logrotate.conf\n"
                + "include /etc/logrotate.d\n/var/log/auth.log {\n rotate 9\n",
            "etc/logrotate.d/bin": "\u{0}\u{7f}ELF\n",
        ])
        let (section, issues) = LogrotateParser.parse(files)
        #expect(section.entries["frequency"]?.value == "weekly")
        #expect(section.entries["auth.rotate"]?.value == "9")
        let lines = Set(issues.filter { $0.file == "etc/logrotate.conf" }.compactMap(\.line))
        #expect(lines.isSuperset(of: [2, 3, 4, 7]))
        #expect(issues.contains { $0.message.contains("include loop") })
        #expect(issues.contains { $0.file == "etc/logrotate.d/bin" && $0.line == 1 })
    }

    @Test func missingIsNotPresent() {
        let (section, issues) = LogrotateParser.parse(.memory([:]))
        #expect(!section.present && section.entries.isEmpty && issues.isEmpty)
    }

    /// Debian's shipped logrotate files from this machine parse without errors and give the known values.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/logrotate.conf"), "needs package logrotate"))
    func realDebianFiles() throws {
        let root = try TemporaryDirectory()
        try root.copyFromHost("/etc/logrotate.conf")
        for name in FileReader(root: "/").list("etc/logrotate.d") {
            try root.copyFromHost("/etc/logrotate.d/" + name)
        }
        let (section, issues) = LogrotateParser.parse(root.files)
        #expect(issues.filter { $0.level == .error }.isEmpty, "\(issues)")
        #expect(section.entries["frequency"]?.value == "weekly")
        #expect(section.entries["retention_days"]?.value == "28")
        if FileManager.default.fileExists(atPath: "/etc/logrotate.d/rsyslog") {
            #expect(section.entries["auth.retention_days"]?.value == "28")
        }
        if FileManager.default.fileExists(atPath: "/etc/logrotate.d/nginx") {
            #expect(section.entries["nginx.retention_days"]?.value == "14")
        }
    }

    /// Oracle: augeas' logrotate lens reads the same global and per-file rotate counts.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/augtool"), "needs augeas-tools"))
    func augeasAgrees() throws {
        let root = try TemporaryDirectory()
        try root.write("etc/logrotate.conf", Self.debianConf)
        try root.write("etc/logrotate.d/rsyslog", Self.rsyslog.replacingOccurrences(of: " { }", with: ""))
        try root.write("etc/logrotate.d/nginx", Self.nginx)
        let output = try #require(
            ProcessRunner.oracle.run(
                "/usr/bin/augtool",
                [
                    "-r", root.path, "-L", "-A", "-t", "Logrotate incl /etc/logrotate.conf", "-t",
                    "Logrotate incl /etc/logrotate.d/*", "print", "/files/etc",
                ]))
        let text = output.stdout
        #expect(text.contains("/files/etc/logrotate.conf/rotate = \"4\""), "\(text)")
        #expect(text.contains("/files/etc/logrotate.d/nginx/rule/rotate = \"14\""), "\(text)")
        #expect(text.contains("/files/etc/logrotate.d/nginx/rule/schedule = \"daily\""), "\(text)")
        let entries = LogrotateParser.parse(root.files).0.entries
        #expect(entries["rotate"]?.value == "4")
        #expect(entries["nginx.rotate"]?.value == "14")
        #expect(entries["nginx.frequency"]?.value == "daily")
    }
}

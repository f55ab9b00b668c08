import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

@Suite("rsyslog configuration")
struct RsyslogParserTests {
    static let debian = """
        module(load="imuxsock") # provides support for local system logging
        module(load="imklog")   # provides kernel logging support
        $FileOwner root
        $IncludeConfig /etc/rsyslog.d/*.conf
        *.*;auth,authpriv.none\t\t-/var/log/syslog
        auth,authpriv.*\t\t\t/var/log/auth.log
        cron.*\t\t\t\t-/var/log/cron.log
        *.emerg\t\t\t\t:omusrmsg:*

        """

    @Test func debianDefaultWithoutForwarding() {
        let files = ConfigFiles.memory([
            "etc/rsyslog.conf": Self.debian,
            "etc/rsyslog.d/20-ufw.conf": ":msg,contains,\"[UFW \" /var/log/ufw.log\n& stop\n",
            "etc/rsyslog.d/README": "not included\n",
        ])
        let (section, issues) = RsyslogParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.files == ["etc/rsyslog.conf", "etc/rsyslog.d/20-ufw.conf"])
        #expect(
            section.entries["auth_destination"]
                == ConfigEntry(value: "/var/log/auth.log", file: "etc/rsyslog.conf", line: 6))
        #expect(section.entries["forward"] == nil)
        #expect(section.entries["rules"]?.value == "4")
    }

    @Test(arguments: [
        ("*.* @loghost", "loghost"),
        ("*.* @@loghost.example:6514", "loghost.example:6514"),
        ("*.*  @@(o)192.0.2.10:514;RSYSLOG_ForwardFormat", "192.0.2.10:514"),
        ("*.* action(type=\"omfwd\" target=\"192.0.2.7\" port=\"514\" protocol=\"tcp\")", "192.0.2.7:514"),
        ("if $programname == 'sshd' then @@198.51.100.1", "198.51.100.1"),
    ])
    func forwarding(line: String, target: String) {
        let (section, _) = RsyslogParser.parse(.memory(["etc/rsyslog.conf": line + "\n"]))
        #expect(section.entries["forward"] == ConfigEntry(value: target, file: "etc/rsyslog.conf", line: 1))
    }

    @Test func multiLineRainerScriptAndIncludes() {
        let files = ConfigFiles.memory([
            "etc/rsyslog.conf": """
            /* block
               comment */
            include(file="/etc/rsyslog.d/*.conf" mode="optional")
            authpriv.*;auth.info action(type="omfile"
                file="/var/log/secure")

            """,
            "etc/rsyslog.d/90-remote.conf": """
            action(
              type="omfwd"   # remote
              target="logs.example.org" port="10514"
            )
            *.=info;*.=notice;\\
            \tmail.none\t-/var/log/messages

            """,
        ])
        let (section, issues) = RsyslogParser.parse(files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(
            section.entries["forward"]
                == ConfigEntry(value: "logs.example.org:10514", file: "etc/rsyslog.d/90-remote.conf", line: 1))
        #expect(
            section.entries["auth_destination"]
                == ConfigEntry(value: "/var/log/secure", file: "etc/rsyslog.conf", line: 4))
        #expect(section.entries["rules"]?.value == "2")
    }

    @Test func brokenInput() {
        let files = ConfigFiles.memory([
            "etc/rsyslog.conf": "$IncludeConfig /etc/rsyslog.conf\nauth.* /var/log/<script>\ngarbage\n"
                + "module(load=\"imuxsock\"\n"
        ])
        let (section, issues) = RsyslogParser.parse(files)
        #expect(section.entries["auth_destination"]?.value == "/var/log/<script>")
        #expect(issues.contains { $0.message.contains("include loop") })
        #expect(issues.contains { $0.line == 3 })
        #expect(issues.contains { $0.line == 4 && $0.message.contains("unbalanced") })
    }

    @Test func missing() {
        let (section, _) = RsyslogParser.parse(.memory([:]))
        #expect(!section.present && section.entries.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/rsyslog.conf"), "needs package rsyslog"))
    func realDebianFiles() throws {
        let root = try TemporaryDirectory()
        try root.copyFromHost("/etc/rsyslog.conf")
        for name in FileReader(root: "/").list("etc/rsyslog.d") { try root.copyFromHost("/etc/rsyslog.d/" + name) }
        let (section, issues) = RsyslogParser.parse(root.files)
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.entries["auth_destination"]?.value == "/var/log/auth.log")
    }

    /// Oracle: augeas' rsyslog lens finds the same auth action and selector count in the Debian file.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/augtool"), "needs augeas-tools"))
    func augeasAgrees() throws {
        let root = try TemporaryDirectory()
        try root.write("etc/rsyslog.conf", Self.debian)
        let output = try #require(
            ProcessRunner.oracle.run(
                "/usr/bin/augtool",
                ["-r", root.path, "-L", "-A", "-t", "Rsyslog incl /etc/rsyslog.conf", "print", "/files/etc"]))
        let lines = output.stdout.split(separator: "\n")
        let entries = lines.filter { $0.range(of: #"/entry(\[[0-9]+\])?$"#, options: .regularExpression) != nil }.count
        let authFile = lines.contains { $0.contains("/entry[2]/action/file = \"/var/log/auth.log\"") }
        #expect(entries > 0, "\(output.stdout)")
        let (section, _) = RsyslogParser.parse(root.files)
        #expect(section.entries["rules"]?.value == String(entries))
        #expect(authFile, "\(output.stdout)")
        #expect(section.entries["auth_destination"]?.value == "/var/log/auth.log")
    }
}

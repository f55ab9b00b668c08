import CapdoCollect
import CapdoCore
import CapdoTestSupport
import Foundation
import Testing

/// The auth log's creation mode and whether forwarding is encrypted, on configurations `rsyslogd -N1` accepts.
@Suite("rsyslog file mode and TLS forwarding")
struct RsyslogFileModeAndTLSTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var config: String
        var mode: String?
        var modeIsDefault: Bool
        var forwardTLS: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "Debian's legacy directives", config: "$FileCreateMode 0640\nauth,authpriv.*  /var/log/auth.log\n",
            mode: "0640", modeIsDefault: false, forwardTLS: nil),
        Case(
            name: "mode set after the auth line does not apply to it",
            config: "auth,authpriv.*  /var/log/auth.log\n$FileCreateMode 0600\n*.* /var/log/all.log\n",
            mode: "0644", modeIsDefault: true, forwardTLS: nil),
        Case(
            name: "module default, then the action's own mode",
            config: """
                module(load="builtin:omfile" fileCreateMode="0600")
                auth.* action(type="omfile" file="/var/log/auth.log" fileCreateMode="0640")
                *.* action(type="omfwd" target="192.0.2.1" port="6514" protocol="tcp" StreamDriver="gtls" StreamDriverMode="1")

                """, mode: "0640", modeIsDefault: false, forwardTLS: "yes"),
        Case(
            name: "module default applies to a legacy file action",
            config: "module(load=\"builtin:omfile\" fileCreateMode=\"0600\")\nauth.*  -/var/log/auth.log\n",
            mode: "0600", modeIsDefault: false, forwardTLS: nil),
        Case(
            name: "legacy TLS forwarding",
            config: "$DefaultNetstreamDriver gtls\n$ActionSendStreamDriverMode 1\n*.* @@192.0.2.1:6514\n",
            mode: nil, modeIsDefault: false, forwardTLS: "yes"),
        Case(
            name: "TLS driver without mode 1 is plain TCP",
            config: "$DefaultNetstreamDriver gtls\n*.* @@192.0.2.1:6514\n", mode: nil, modeIsDefault: false,
            forwardTLS: "no"),
        Case(
            name: "UDP forwarding is never encrypted",
            config: "$DefaultNetstreamDriver gtls\n$ActionSendStreamDriverMode 1\n*.* @192.0.2.1\n", mode: nil,
            modeIsDefault: false, forwardTLS: "no"),
        Case(
            name: "omfwd without a stream driver",
            config: "*.* action(type=\"omfwd\" target=\"192.0.2.1\" port=\"514\" protocol=\"tcp\")\n", mode: nil,
            modeIsDefault: false, forwardTLS: "no"),
    ]

    @Test(arguments: cases)
    func modeAndTLS(_ testCase: Case) throws {
        let (section, issues) = RsyslogParser.parse(.memory(["etc/rsyslog.conf": testCase.config]))
        #expect(issues.isEmpty, "\(issues)")
        #expect(section.entries["auth_file_create_mode"]?.value == testCase.mode)
        #expect((section.entries["auth_file_create_mode"]?.isDefault ?? false) == testCase.modeIsDefault)
        #expect(section.entries["forward_tls"]?.value == testCase.forwardTLS)
    }

    /// Oracle for the fixtures themselves: rsyslogd's validation run accepts every one.
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/rsyslogd"), "needs package rsyslog"),
        arguments: cases)
    func rsyslogdAcceptsTheConfiguration(_ testCase: Case) throws {
        let root = try TemporaryDirectory()
        try root.write("rsyslog.conf", testCase.config)
        let output = try #require(
            ProcessRunner.oracle.run("/usr/sbin/rsyslogd", ["-N1", "-f", root.path + "/rsyslog.conf"]))
        #expect(output.status == 0, "\(output.stderr)")
    }
}

import CapdoCollect
import CapdoCore
import Foundation
import Testing

/// The rules every configuration source reads by (`ConfigFileReader`). Before the reader was shared, the
/// authentication parsers and the system parsers each broke one of them; each test names the side it catches.
@Suite("one config file reader")
struct ConfigFileReaderTests {
    private func lines(_ text: String) -> ([ConfigFileLine], [CollectionIssue]) {
        var reader = ConfigFileReader(collector: "config.test", files: .memory([:]))
        let lines = reader.lines(text, file: "f")
        return (lines, reader.issues)
    }

    /// sshd and bash read `a\rb` as one line (see `loneCarriageReturnIsOneLineForSshd`); CRLF ends one line.
    /// The authentication parsers used to end a line at a lone `\r`; the system parsers did not split CRLF.
    @Test func lineEndsAreNewlinesWithOptionalCarriageReturn() {
        let (found, issues) = lines("a\rb\r\nc\n\nd")
        #expect(found.map(\.number) == [1, 2, 3, 4])
        #expect(found.map(\.text) == ["a\rb", "c", "", "d"])
        #expect(issues.isEmpty)
    }

    /// The system parsers split on the `"\n"` Character, which a Swift `\r\n` is not: a CRLF file was one line.
    @Test func crlfSysctlFileHasOneKeyPerLine() {
        let (section, issues) = SysctlParser.parse(.memory(["etc/sysctl.d/10-a.conf": "a.b = 1\r\nc.d = 2\r\n"]))
        #expect(section.entries["a.b"] == ConfigEntry(value: "1", file: "etc/sysctl.d/10-a.conf", line: 1))
        #expect(section.entries["c.d"]?.value == "2")
        #expect(issues.isEmpty)
    }

    /// A NUL cuts the line and is reported: the value is what C readers (sshd, PAM, login.defs) see. The system
    /// parsers dropped the whole line; the authentication parsers kept the NUL in the value.
    @Test func nulCutsTheLineAndIsReported() {
        let (found, issues) = lines("key = 1\u{0}junk\nnext\n")
        #expect(found.map(\.text) == ["key = 1", "next"])
        #expect(issues.count == 1)
        #expect(issues.first?.line == 1 && issues.first?.level == .error)

        let (sysctl, _) = SysctlParser.parse(.memory(["etc/sysctl.d/10-a.conf": "kernel.kptr_restrict = 1\u{0}x\n"]))
        #expect(sysctl.entries["kernel.kptr_restrict"]?.value == "1")
        let (defs, defsIssues) = LoginDefsParser.parse(.memory(["etc/login.defs": "PASS_MAX_DAYS 90\u{0}99999\n"]))
        #expect(defs.entries["PASS_MAX_DAYS"]?.value == "90")
        #expect(defsIssues.map(\.line) == [1])
    }

    /// One source per former stack: sshd (its own limits), login.defs (the key-value reader), auditd (system).
    struct Source: Sendable, CustomTestStringConvertible {
        var path: String
        var parse: @Sendable (ConfigFiles) -> (ConfigSection, [CollectionIssue])
        var testDescription: String { path }
    }

    static let sources = [
        Source(path: SshdConfigParser.mainFile, parse: SshdConfigParser.parse),
        Source(path: LoginDefsParser.file, parse: LoginDefsParser.parse),
        Source(path: AuditdParser.file, parse: AuditdParser.parse),
    ]

    /// The limit counts bytes and says so: 40,000 two-byte characters are over 65,536 bytes. sshd said
    /// "characters", and login.defs & co. stopped at 16,384.
    @Test(arguments: sources)
    func lineLimitCountsBytesAndSaysBytes(_ source: Source) {
        let (_, issues) = source.parse(.memory([source.path: "# " + String(repeating: "é", count: 40_000) + "\n"]))
        #expect(issues.map(\.message) == ["line longer than 65536 bytes, ignored"])
        #expect(issues.first?.line == 1)
    }

    @Test func keyValueLinesUpToTheLimitAreRead() {
        let line = "PASS_MAX_DAYS 90" + String(repeating: " ", count: 20_000) + "\n"
        let (defs, issues) = LoginDefsParser.parse(.memory([LoginDefsParser.file: line]))
        #expect(defs.entries["PASS_MAX_DAYS"]?.value == "90")
        #expect(issues.isEmpty)
    }

    /// At most 20 issues a file, then one summary: sshd reported 50, login.defs & co. stopped without saying so.
    @Test(arguments: sources)
    func issueCapIsTwentyAndSaysSo(_ source: Source) {
        let (_, issues) = source.parse(.memory([source.path: String(repeating: "not/a/setting\n", count: 30)]))
        #expect(issues.count == ConfigFileReader.maxIssuesPerFile + 1)
        #expect(issues.last?.message == "more than 20 problems in this file; the rest are not reported")
        #expect(issues.last?.line == nil)
    }

    /// glob(3) brackets in an sshd `Include`: the authentication parsers knew only `*` and `?`, so
    /// `[0-9]*.conf` matched nothing. `Glob` is the one matcher.
    @Test func bracketGlobInSshdInclude() {
        let (section, issues) = SshdConfigParser.parse(
            .memory([
                "etc/ssh/sshd_config": "Include sshd_config.d/[0-9]*.conf\n",
                "etc/ssh/sshd_config.d/10-a.conf": "PermitRootLogin no\n",
                "etc/ssh/sshd_config.d/x-b.conf": "PasswordAuthentication no\n",
            ]))
        #expect(section.entries["permitrootlogin"]?.value == "no")
        #expect(section.entries["passwordauthentication"]?.isDefault == true)
        #expect(section.files == ["etc/ssh/sshd_config", "etc/ssh/sshd_config.d/10-a.conf"])
        #expect(issues.isEmpty)
        #expect(Glob.matches("[!a-c]x\\*", "dx*") && !Glob.matches("[!a-c]x", "bx"))
        #expect(Glob.matches("a[b", "a[b") && !Glob.matches("a[b", "ab"))
        #expect(!Glob.matches("[a]*", "a1", brackets: false) && Glob.matches("[a]*", "[a]1", brackets: false))
    }

    /// A file masked by a link to /dev/null is absent for every source, not only the systemd ones.
    @Test func maskedFileIsAbsentForAuthenticationSourcesToo() {
        let (section, issues) = LoginDefsParser.parse(.memory([:], masked: ["etc/login.defs"]))
        #expect(!section.present && issues.isEmpty)
    }
}

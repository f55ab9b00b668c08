import CapdoCore
import CapdoTestSupport
import Testing

@testable import CapdoRules

@Suite("Rule loader refuses bad rules with file:line")
struct RuleLoaderTests {
    static let valid = """
        - id: srv.auth.ssh_root_login_disabled
          title: { vi: "Không cho phép root đăng nhập SSH", en: "SSH root login disabled" }
          requirement: { tt12: "II.2 1.2.1", tcvn11930: "6.2.2.1" }
          severity: high
          check:
            config: { source: sshd, key: permitrootlogin, in: ["no"] }
          remediation: { vi: "Đặt PermitRootLogin no", en: "Set PermitRootLogin no" }
          threshold_source: none
          examples:
            pass: [ { config: { sshd: { entries: { permitrootlogin: { value: "no" } } } } } ]
            fail: [ { config: { sshd: { entries: { permitrootlogin: { value: "yes" } } } } } ]
        """

    func load(_ text: String) throws(CapdoError) -> [Rule] {
        try RuleLoader.load(text: text, file: "Rules/level2/server/test.yaml", defaultGroup: .server)
    }

    func message(_ text: String) -> String {
        do {
            _ = try load(text)
            return ""
        } catch {
            return error.message
        }
    }

    @Test func validRuleLoads() throws {
        let rules = try load(Self.valid)
        #expect(rules.count == 1)
        #expect(rules[0].group == .server)
        #expect(rules[0].location.line == 1)
    }

    @Test func typoInKeyIsReportedWithLineAndSuggestion() {
        let text = Self.valid.replacingOccurrences(of: "severity: high", with: "severty: high")
        let error = message(text)
        #expect(error.contains("Rules/level2/server/test.yaml:4:"), "\(error)")
        #expect(error.contains("rule 'srv.auth.ssh_root_login_disabled'"))
        #expect(error.contains("did you mean 'severity'"))
    }

    @Test func unknownMatcherIsReported() {
        let text = Self.valid.replacingOccurrences(of: "in: [\"no\"]", with: "equal: \"no\"")
        let error = message(text)
        #expect(
            error.contains(":6:") && error.contains("unknown matcher 'equal'") && error.contains("'equals'"), "\(error)"
        )
    }

    @Test func unknownResourceIsReported() {
        let text = Self.valid.replacingOccurrences(of: "config: { source", with: "konfig: { source")
        #expect(message(text).contains("unknown resource 'konfig'"))
    }

    @Test func ruleWithoutFailingExampleIsRefused() {
        let text = Self.valid.replacingOccurrences(
            of: "    fail: [ { config: { sshd: { entries: { permitrootlogin: { value: \"yes\" } } } } } ]\n", with: ""
        )
        .replacingOccurrences(
            of: "\n    fail: [ { config: { sshd: { entries: { permitrootlogin: { value: \"yes\" } } } } } ]", with: "")
        let error = message(text)
        #expect(error.contains("missing 'fail'") || error.contains("failing example"), "\(error)")
    }

    @Test func brokenYAMLGivesLine() {
        let text = Self.valid + "\n  - id: [unclosed\n"
        let error = message(text)
        #expect(error.hasPrefix("Rules/level2/server/test.yaml:"), "\(error)")
        #expect(error.contains("invalid YAML"))
    }

    @Test func badIDIsRefused() {
        let text = Self.valid.replacingOccurrences(of: "srv.auth.ssh_root_login_disabled", with: "SSH-Root")
        #expect(message(text).contains("snake_case"))
    }

    @Test func invalidRegexIsRefused() {
        let text = Self.valid.replacingOccurrences(of: "in: [\"no\"]", with: "matches: \"([a-\"")
        #expect(message(text).contains("invalid regular expression"))
    }

    @Test func duplicateIDsAcrossFilesAreProblems() throws {
        let directory = try TemporaryDirectory()
        try directory.write("profiles/level2.yaml", "id: level2\nvariables: {}\n")
        try directory.write("level2/server/a.yaml", Self.valid)
        try directory.write("level2/server/b.yaml", Self.valid)
        try directory.write("level2/server/c.yaml", "- id: [broken\n")
        let catalog = try RuleCatalog.load(directory: directory.path)
        #expect(catalog.rules.count == 1, "the good rule still loads")
        #expect(catalog.problems.contains { $0.message.contains("duplicate id") })
        #expect(catalog.problems.contains { $0.message.contains("c.yaml:") && $0.message.contains("invalid YAML") })
        #expect(catalog.digest.count == 64)
    }

    @Test func waiverNeedsJustificationApproverAndExpiry() {
        let text = "waivers:\n  - rule: srv.x.y\n    approved_by: A\n    expires: 2027-01-01\n"
        #expect(throws: CapdoError.self) { try WaiverLoader.load(text: text, file: "waivers.yaml") }
        let bad = "waivers:\n  - rule: srv.x.y\n    justification: J\n    approved_by: A\n    expires: soon\n"
        do {
            _ = try WaiverLoader.load(text: bad, file: "waivers.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("waivers.yaml:5") && error.message.contains("expires must be a date"))
        }
    }

    @Test func sha256MatchesKnownVector() {
        var hasher = SHA256()
        hasher.update(Array("abc".utf8))
        #expect(hasher.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var long = SHA256()
        long.update(Array(String(repeating: "a", count: 1000).utf8))
        #expect(long.hexDigest() == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

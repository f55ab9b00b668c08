import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// A collection step that could not look records an issue named by the fact path it would have filled; every rule
/// reading that path (or below it) is then an `error` carrying the issue's message, never `pass` or `fail`.
@Suite("Collection issues on fact paths")
struct StepFailureTests {
    static let catalog: RuleCatalog? = try? RuleCatalog.shipped()

    static func rule(_ id: String) throws -> Rule {
        try #require(catalog?.rules.first { $0.id == id }, "rule \(id) missing")
    }

    static func finding(_ id: String, _ json: String, issues: [CollectionIssue]) throws -> Finding {
        let profile = try #require(catalog?.profile("level2"))
        let facts = try JSONDecoder().decode(FactValue.self, from: Data(json.utf8))
        return RuleEngine(profile: profile, now: RuleExampleRunner.exampleTime)
            .evaluate(try rule(id), facts: facts, host: "pc", issues: issues)
    }

    static let linux = #"{"system": {"os_family": "debian"}, "#
    static let windows = #"{"system": {"os_family": "windows"}, "#

    @Test func emptyAccountListWithAnIssueDoesNotPassNoEmptyPasswords() throws {
        let issue = CollectionIssue(collector: "accounts", message: "Get-LocalUser failed: module not loaded")
        let json = Self.linux + #""accounts": {"accounts": []}}"#
        let without = try Self.finding("srv.auth.no_empty_passwords", json, issues: [])
        let with = try Self.finding("srv.auth.no_empty_passwords", json, issues: [issue])
        #expect(without.status != .error)
        #expect(with.status == .error)
        #expect(with.evidence.contains { $0.found.contains("Get-LocalUser failed") })
    }

    @Test func failedBitLockerStepDoesNotFailTheBitLockerRule() throws {
        let issue = CollectionIssue(
            collector: "windows.bitlocker_volumes", message: "Get-BitLockerVolume: the term is not recognized")
        let json = Self.windows + #""windows": {"bitlocker_volumes": []}}"#
        let without = try Self.finding("win.data.bitlocker_system_drive", json, issues: [])
        let with = try Self.finding("win.data.bitlocker_system_drive", json, issues: [issue])
        #expect(without.status == .fail)
        #expect(with.status == .error)
        #expect(with.evidence.contains { $0.found.contains("Get-BitLockerVolume") })
    }

    /// An issue below the path a check reads, beside it, or only a warning leaves the check alone.
    @Test(arguments: [
        CollectionIssue(collector: "windows.smb1_enabled", message: "other fact"),
        CollectionIssue(collector: "windows.bitlocker", message: "a prefix of the name, not of the path"),
        CollectionIssue(collector: "windows.bitlocker_volumes", level: .warning, message: "only a warning"),
        CollectionIssue(collector: "windows.bitlocker_volumes", file: "x", line: 3, message: "one line of a file"),
    ])
    func unrelatedIssuesLeaveTheVerdict(_ issue: CollectionIssue) throws {
        let json = Self.windows + #""windows": {"bitlocker_volumes": []}}"#
        #expect(try Self.finding("win.data.bitlocker_system_drive", json, issues: [issue]).status == .fail)
    }

    /// An issue on a section covers every path under it.
    @Test func issueOnTheSectionCoversItsPaths() throws {
        let issue = CollectionIssue(collector: "windows", message: "script stopped")
        let json = Self.windows + #""windows": {"smb1_enabled": true}}"#
        #expect(try Self.finding("win.ips.smb1_disabled", json, issues: [issue]).status == .error)
    }

    /// Rules written for Linux meanings (accounts from etc/shadow, PAM, login.defs, sysctl …) do not apply to a
    /// Windows snapshot: every `srv.*` rule that applies to Windows reads only OS-neutral facts (anti-malware, TLS, the
    /// OS support dates of `os_support`).
    @Test func linuxRulesDoNotApplyToWindows() throws {
        let rules = try #require(Self.catalog?.rules).filter { $0.id.hasPrefix("srv.") && !$0.manual }
        #expect(rules.count > 20)
        let facts = Self.windows + #""accounts": {"accounts": [{"name": "u", "uid": 1001, "password": "empty"}]}}"#
        let applying = try rules.filter {
            try Self.finding($0.id, facts, issues: []).status != .notApplicable
        }.map(\.id)
        #expect(
            applying.allSatisfy {
                $0.hasPrefix("srv.malware.") || $0.hasPrefix("srv.tls.") || $0 == "srv.ips.os_supported"
            }, "\(applying)")
        #expect(try Self.finding("srv.auth.no_empty_passwords", facts, issues: []).status == .notApplicable)
    }
}

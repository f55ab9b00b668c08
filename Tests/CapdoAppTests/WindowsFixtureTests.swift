import CapdoApp
import CapdoCore
import CapdoRules
import Foundation
import Testing

/// Snapshots as the collection script writes them on PCs where its steps fail (Fixtures/windows: nulls from the old
/// script, no LocalAccounts module, no BitLocker cmdlets, a standard user's run, vi-VN, third-party anti-malware with
/// Defender passive, CDXML cmdlets failing), judged by the shipped rules: each host is read, and every Windows rule
/// gives the verdict `verdicts.json` names, none `pass` or `fail` on a fact the script could not read.
@Suite("Windows snapshots from PCs where collection steps fail")
struct WindowsFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/windows")
    static let now = Date(timeIntervalSince1970: 1_795_856_400)  // 2026-11-28T09:00:00Z

    static func expected() throws -> [String: [String: String]] {
        try JSONDecoder().decode(
            [String: [String: String]].self, from: Data(contentsOf: folder.appendingPathComponent("verdicts.json")))
    }

    static var names: [String] { ((try? expected()) ?? [:]).keys.sorted() }

    /// The findings of one fixture, read the way `capdo evaluate` reads a file.
    static func findings(_ name: String) throws -> (HostSnapshot, [Finding]) {
        let path = folder.appendingPathComponent(name + ".json").path
        let read = try SnapshotFile.read(path)
        let catalog = try RuleCatalog.shipped()
        let profile = try #require(catalog.profile("level2"))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let (snapshot, facts) = try SnapshotReader.read(data, file: path)
        #expect(snapshot == read)
        let result = RuleEngine(profile: profile, now: now).evaluate(catalog.rules, snapshot: snapshot, facts: facts)
        return (snapshot, result.findings)
    }

    @Test func everyFixtureHasVerdicts() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".json") && $0 != "verdicts.json" }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(Self.names))
        #expect(files.count >= 7)
    }

    @Test(arguments: WindowsFixtureTests.names)
    func rulesGiveTheExpectedVerdicts(_ name: String) throws {
        let expected = try #require(try Self.expected()[name])
        let (snapshot, findings) = try Self.findings(name)
        #expect(!findings.isEmpty, "\(name): the host vanished")
        for (rule, status) in expected {
            let finding = try #require(findings.first { $0.ruleID == rule }, "\(name): no finding of \(rule)")
            #expect(finding.status.rawValue == status, "\(name) \(rule): \(finding.evidence.map(\.found))")
        }
        // Every rule judged `error` names the failed step's message.
        let messages = snapshot.issues.filter { $0.level == .error }.map(\.message)
        for finding in findings where finding.status == .error && expected[finding.ruleID] != nil {
            #expect(
                finding.evidence.contains { row in messages.contains { row.found.contains($0) } },
                "\(name) \(finding.ruleID): \(finding.evidence.map(\.found))")
        }
    }

    /// The old script's nulls are dropped with an issue naming the list and the file; the host is judged.
    @Test func nullsOfTheOldScriptAreReported() throws {
        let (snapshot, _) = try Self.findings("old-script-nulls")
        let paths = snapshot.issues.map(\.collector).sorted()
        #expect(paths == ["windows.bitlocker_volumes", "windows.firewall_profiles", "windows.local_admins"])
        #expect(snapshot.issues.allSatisfy { $0.message.contains("old-script-nulls.json") })
    }
}

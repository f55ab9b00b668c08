import CapdoCore
import CapdoHistory
import Foundation
import GRDB
import Testing

/// Schema v3: each distinct evidence text is stored once; findings recorded before keep their inline texts.
@Suite("History: shared evidence")
struct SharedEvidenceTests {
    static func count(_ path: String, _ sql: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    @Test func repeatedEvidenceIsStoredOnceAndReadBackPerFinding() throws {
        let path = HistoryFixture.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try HistoryStore(path: path)
        let hosts = (1...20).map { "pc-\($0)" }
        let fleet = Dictionary(
            uniqueKeysWithValues: hosts.map { host in
                (
                    host,
                    [
                        HistoryFixture.finding("a", host: host, .fail, found: "telnet"),
                        HistoryFixture.finding("b", host: host, .pass),
                        HistoryFixture.finding("c", host: host, .fail, found: host == "pc-1" ? "odd" : "x"),
                    ]
                )
            })
        let first = try store.record(HistoryFixture.entry(HistoryFixture.result(fleet, at: 1_000)))
        let second = try store.record(HistoryFixture.entry(HistoryFixture.result(fleet, at: 2_000)))
        #expect(try Self.count(path, "SELECT COUNT(*) FROM finding") == 120)
        // Distinct texts: a (fail, telnet), b (pass, x), c (fail, x), c (fail, odd); shared by both scans.
        #expect(try Self.count(path, "SELECT COUNT(*) FROM evidence") == 4)
        #expect(try Self.count(path, "SELECT COUNT(*) FROM finding WHERE evidence_id IS NULL") == 0)
        for scan in [first, second] {
            let findings = try store.findings(scanID: scan)
            #expect(findings.count == 60)
            let odd = findings.first { $0.host == "pc-1" && $0.ruleID == "c" }
            #expect(
                odd?.found
                    == StoredFinding.found(HistoryFixture.finding("c", host: "pc-1", .fail, found: "odd").evidence))
            #expect(findings.filter { $0.ruleID == "a" }.allSatisfy { $0.found.contains("telnet") })
        }
        #expect(try store.prune(HistoryRetention(scans: 1), now: Date(timeIntervalSince1970: 3_000)) == 1)
        #expect(try Self.count(path, "SELECT COUNT(*) FROM evidence") == 4, "still used by the kept scan")
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func findingsRecordedBeforeTheMigrationKeepTheirOwnTexts() throws {
        let path = HistoryFixture.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try HistoryStore(path: path)
        let scan = try store.record(
            HistoryFixture.entry(HistoryFixture.result(["h": [HistoryFixture.finding("a", host: "h", .pass)]], at: 1)))
        // A row as schema v2 wrote it: the texts inline, no shared evidence.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    INSERT INTO rule (id, title_vi, title_en, severity, grp, item)
                        VALUES ('old', 'Cũ', 'Old', 'high', 'server', '1.2.2');
                    INSERT INTO finding (host_id, rule_id, status, found, evidence)
                        SELECT id, 'old', 'fail', 'fact old = inline', '[]' FROM host WHERE scan_id = ?;
                    """, arguments: [scan])
        }
        let findings = try store.findings(scanID: scan)
        #expect(findings.first { $0.ruleID == "old" }?.found == "fact old = inline")
        #expect(
            findings.first { $0.ruleID == "a" }?.found
                == StoredFinding.found(HistoryFixture.finding("a", host: "h", .pass).evidence))
        #expect(try store.prune(HistoryRetention(scans: 1), now: Date(timeIntervalSince1970: 2)) == 0)
    }
}

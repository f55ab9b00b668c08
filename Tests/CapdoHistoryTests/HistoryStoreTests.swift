import CapdoCore
import CapdoHistory
import Foundation
import Testing

/// The history database: recording, reading back, diffing, trend, pruning, integrity.
@Suite("History store")
struct HistoryStoreTests {
    @Test func recordsScansAndReadsThemBack() throws {
        let path = HistoryFixture.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try HistoryStore(path: path)
        let first = try store.record(
            HistoryFixture.entry(
                HistoryFixture.result(
                    [
                        "pc-01": [
                            HistoryFixture.finding("a", host: "pc-01", .pass),
                            HistoryFixture.finding("b", host: "pc-01", .fail),
                        ]
                    ],
                    at: 1_000)))
        let second = try store.record(
            HistoryFixture.entry(
                HistoryFixture.result(["srv-01": [HistoryFixture.finding("a", host: "srv-01", .pass)]], at: 2_000)))
        #expect(second > first)
        #expect(try store.scans().map(\.id) == [second, first])
        #expect(try store.scans(host: "pc-01").map(\.id) == [first])
        #expect(try store.scans(system: "HTTT nội bộ").count == 2)
        let findings = try store.findings(scanID: first)
        #expect(findings.count == 2)
        #expect(findings.first { $0.ruleID == "b" }?.status == .fail)
        #expect(findings.first { $0.ruleID == "b" }?.title.vi == "Tiêu đề b")
        #expect(try store.integrityCheck() == ["ok"])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func diffNamesNewResolvedAndChangedFindings() throws {
        let path = HistoryFixture.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try HistoryStore(path: path)
        func f(_ rule: String, _ host: String, _ status: FindingStatus, _ found: String) -> Finding {
            HistoryFixture.finding(rule, host: host, status, found: found)
        }
        let before = HostInventory(ports: ["tcp/22": "0.0.0.0 (sshd)"], packages: ["openssl": "3.0.11"])
        let after = HostInventory(
            ports: ["tcp/22": "0.0.0.0 (sshd)", "tcp/23": "0.0.0.0 (inetd)"], packages: ["openssl": "3.0.9"])
        let a = try store.record(
            HistoryFixture.entry(
                HistoryFixture.result(
                    [
                        "h": [
                            f("keep", "h", .pass, "x"), f("fixed", "h", .fail, "x"), f("worse", "h", .warn, "old"),
                            f("broke", "h", .pass, "x"), f("same", "h", .fail, "x"),
                        ]
                    ], at: 1_000),
                inventory: before))
        let recorded = try store.recordScan(
            HistoryFixture.entry(
                HistoryFixture.result(
                    [
                        "h": [
                            f("keep", "h", .pass, "x"), f("fixed", "h", .pass, "x"), f("worse", "h", .fail, "new"),
                            f("broke", "h", .fail, "y"), f("same", "h", .fail, "x"),
                        ]
                    ], at: 2_000),
                inventory: after))
        let b = recorded.id
        let changes = try HistoryComparer(store: store).changes(scanID: b)
        #expect(try HistoryComparer(store: store).changes(of: recorded) == changes)
        #expect(changes.baselines.map(\.scanID) == [a])
        #expect(changes.newFindings.map(\.ruleID) == ["broke"])
        #expect(changes.resolved.map(\.ruleID) == ["fixed"])
        #expect(changes.changed.map(\.ruleID) == ["worse"])
        #expect(changes.changed.first?.foundBefore == "fact worse: old")
        #expect(changes.inventory.map(\.line) == ["+tcp/23 0.0.0.0 (inetd)", "~openssl 3.0.11 → 3.0.9"])
        #expect(changes.trend.count == 2)
        #expect(changes.trend.map { $0.scores[.server].map { Int($0.rounded()) } } == [50, 40])
    }

    @Test func changesOfARecordedScanEqualTheChangesReadBack() throws {
        let path = HistoryFixture.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try HistoryStore(path: path)
        func fleet(_ round: Int) -> HistoryEntry {
            var hosts: [String: [Finding]] = [:]
            for index in round..<(round + 6) {
                let name = "pc-\(index)"
                hosts[name] = ["a", "b", "c"].enumerated().map { rule, id in
                    let status: FindingStatus = (index + rule + round) % 3 == 0 ? .fail : .pass
                    return HistoryFixture.finding(id, host: name, status, found: "v\((index + round) % 2)")
                }
            }
            let result = HistoryFixture.result(hosts, at: Double(1_000 * (round + 1)))
            return HistoryEntry(
                command: "evaluate", result: result,
                hosts: result.hosts.enumerated().map { index, _ in
                    HistoryEntry.HostExtras(
                        factsDigest: "d", inventory: HostInventory(packages: ["p": "\((index + 2 * round) % 3)"]))
                })
        }
        for round in 0..<4 {
            let recorded = try store.recordScan(fleet(round))
            let changes = try HistoryComparer(store: store).changes(of: recorded)
            #expect(changes == (try HistoryComparer(store: store).changes(scanID: recorded.id)))
            #expect(changes.trend.count == round + 1)
            if round > 0 {
                #expect(changes.baselines.count == 5)
                #expect(!changes.inventory.isEmpty)
                #expect(!(changes.newFindings + changes.resolved + changes.changed).isEmpty)
            }
        }
    }

    @Test func pruningKeepsTheNewestScans() throws {
        let path = HistoryFixture.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        let store = try HistoryStore(path: path)
        for day in 0..<5 {
            try store.record(
                HistoryFixture.entry(
                    HistoryFixture.result(
                        ["h": [HistoryFixture.finding("a", host: "h", .pass)]], at: Double(day) * 86_400),
                    inventory: HostInventory(packages: ["p": "\(day)"])))
        }
        #expect(try store.prune(HistoryRetention(scans: 3), now: Date(timeIntervalSince1970: 5 * 86_400)) == 2)
        #expect(try store.scans().count == 3)
        #expect(try store.prune(HistoryRetention(days: 2), now: Date(timeIntervalSince1970: 4.5 * 86_400)) == 1)
        #expect(try store.scans().map(\.finishedAt.timeIntervalSince1970) == [4 * 86_400, 3 * 86_400])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func inventoryRoundTripsThroughItsStoredForm() {
        let inventory = HostInventory(
            ports: ["tcp/22": "0.0.0.0 (sshd)", "udp/123": "::"], services: ["ssh.service": "enabled active"],
            packages: ["weird\tname": "1:2.3\nx"])
        let back = HostInventory(encoded: inventory.encoded)
        #expect(back.ports == inventory.ports)
        #expect(back.services == inventory.services)
        #expect(back.packages == ["weird name": "1:2.3 x"])
    }
}

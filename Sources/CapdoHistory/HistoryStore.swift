import CapdoCore
import Foundation
import GRDB

/// The local history of scans: an SQLite database (WAL, migrations), one write transaction per recorded scan.
///
/// A process killed mid-scan leaves the database as it was before that scan: SQLite rolls the unfinished
/// transaction back on the next open. Only findings, evidence, inventories and facts digests are stored,
/// never the facts themselves (so no password hashes or keys).
public final class HistoryStore: Sendable {
    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating when missing) the database at `path` and migrates it to the current schema.
    public init(path: String) throws(CapdoError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CapdoError(.history, "cannot create the history folder '\(folder)': \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        configuration.label = "capdo-history"
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL survives any process crash; only a power cut may lose the last scan.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A fleet's scan is one large transaction: a 64 MiB page cache (instead of 2 MiB) keeps the pages being
            // filled in memory until the commit instead of spilling them, and re-spilling them, into the WAL.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try HistorySchema.migrator.migrate(queue)
        } catch {
            throw CapdoError(
                .history,
                "cannot open the history database '\(path)': \(error). Check the path and its permissions, "
                    + "or move a damaged file aside to start a new history.")
        }
    }

    // MARK: Writing

    /// Records one scan in one transaction; returns its id.
    @discardableResult
    public func record(_ entry: HistoryEntry) throws(CapdoError) -> Int64 {
        try recordScan(entry).id
    }

    /// Records one scan in one transaction; returns it with what `HistoryComparer.changes(of:)` needs.
    public func recordScan(_ entry: HistoryEntry) throws(CapdoError) -> RecordedScan {
        let result = entry.result
        var counts: [FindingStatus: Int] = [:]
        for host in result.hosts { for finding in host.findings { counts[finding.status, default: 0] += 1 } }
        do {
            return try queue.write { db -> RecordedScan in
                try db.execute(
                    sql: """
                        INSERT INTO scan (command, started_at, finished_at, organisation, system, profile,
                            rule_set_version, rule_set_digest, host_count, pass, fail, warn, error, exit_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.command, result.startedAt.timeIntervalSince1970, result.finishedAt.timeIntervalSince1970,
                        result.organisation.name, result.organisation.system, result.profile.id,
                        result.ruleSet.version, result.ruleSet.digest, result.hosts.count, counts[.pass] ?? 0,
                        counts[.fail] ?? 0, counts[.warn] ?? 0, counts[.error] ?? 0, Int(result.exitCode),
                    ])
                let scanID = db.lastInsertedRowID
                let inventory = try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO inventory (digest, body) VALUES (?, ?)")
                let host = try db.cachedStatement(
                    sql: """
                        INSERT INTO host (scan_id, name, root, os, system, collected_at, facts_digest, inventory)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let rule = try db.cachedStatement(
                    sql: """
                        INSERT OR REPLACE INTO rule (id, title_vi, title_en, severity, grp, item)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                let finding = try db.cachedStatement(
                    sql:
                        "INSERT INTO finding (host_id, rule_id, status, found, evidence, evidence_id) VALUES (?, ?, ?, '', '', ?)"
                )
                var shared = SharedEvidence(
                    insert: try db.cachedStatement(
                        sql: "INSERT OR IGNORE INTO evidence (digest, found, body) VALUES (?, ?, ?)"),
                    select: try db.cachedStatement(sql: "SELECT id FROM evidence WHERE digest = ?"))
                let tally = try db.cachedStatement(
                    sql: "INSERT INTO host_tally (host_id, grp, pass, warn, fail) VALUES (?, ?, ?, ?, ?)")
                var rulesWritten = Set<String>()
                var evidence: [UInt8] = []
                var inventoryDigests: [String?] = []
                inventoryDigests.reserveCapacity(result.hosts.count)
                for (index, hostResult) in result.hosts.enumerated() {
                    let extras = index < entry.hosts.count ? entry.hosts[index] : nil
                    var inventoryDigest: String?
                    if let extras {
                        let body = extras.inventory.encoded
                        let digest = SHA256.hex(of: Array(body.utf8))
                        inventory.setUncheckedArguments([digest, body])
                        try inventory.execute()
                        inventoryDigest = digest
                    }
                    inventoryDigests.append(inventoryDigest)
                    host.setUncheckedArguments([
                        scanID, hostResult.host, hostResult.root, hostResult.os, extras?.system,
                        hostResult.collectedAt.timeIntervalSince1970, extras?.factsDigest ?? "", inventoryDigest,
                    ])
                    try host.execute()
                    let hostID = db.lastInsertedRowID
                    var tallies = HostTally()
                    for item in hostResult.findings {
                        tallies.count(item)
                        if rulesWritten.insert(item.ruleID).inserted {
                            rule.setUncheckedArguments([
                                item.ruleID, item.title.vi, item.title.en, item.severity.rawValue, item.group.rawValue,
                                item.requirement.item,
                            ])
                            try rule.execute()
                        }
                        evidence.removeAll(keepingCapacity: true)
                        EvidenceJSON.encode(item.evidence, into: &evidence)
                        let evidenceID = try shared.id(of: evidence, found: { StoredFinding.found(item.evidence) })
                        finding.setUncheckedArguments([hostID, item.ruleID, item.status.rawValue, evidenceID])
                        try finding.execute()
                    }
                    for (group, counts) in tallies.groups {
                        tally.setUncheckedArguments([hostID, group.rawValue, counts.pass, counts.warn, counts.fail])
                        try tally.execute()
                    }
                }
                return RecordedScan(id: scanID, entry: entry, inventoryDigests: inventoryDigests)
            }
        } catch {
            throw CapdoError(.history, "cannot record the scan in '\(path)': \(error)")
        }
    }

    /// Deletes scans beyond the retention (by age relative to `now`, and by count); returns how many.
    @discardableResult
    public func prune(_ retention: HistoryRetention, now: Date) throws(CapdoError) -> Int {
        guard !retention.isUnlimited else { return 0 }
        do {
            return try queue.write { db -> Int in
                var deleted = 0
                if let days = retention.days {
                    try db.execute(
                        sql: "DELETE FROM scan WHERE finished_at < ?",
                        arguments: [now.timeIntervalSince1970 - Double(days) * 86_400])
                    deleted += db.changesCount
                }
                if let scans = retention.scans {
                    try db.execute(
                        sql: "DELETE FROM scan WHERE id NOT IN (SELECT id FROM scan ORDER BY id DESC LIMIT ?)",
                        arguments: [max(scans, 1)])
                    deleted += db.changesCount
                }
                if deleted > 0 {
                    try db.execute(
                        sql:
                            "DELETE FROM inventory WHERE digest NOT IN (SELECT inventory FROM host WHERE inventory IS NOT NULL)"
                    )
                    try db.execute(
                        sql:
                            "DELETE FROM evidence WHERE id NOT IN (SELECT evidence_id FROM finding WHERE evidence_id IS NOT NULL)"
                    )
                }
                return deleted
            }
        } catch {
            throw CapdoError(.history, "cannot prune the history in '\(path)': \(error)")
        }
    }

    // MARK: Reading

    /// Recorded scans, newest first, optionally only those that include `host` or belong to `system`.
    public func scans(host: String? = nil, system: String? = nil, limit: Int = 50) throws(CapdoError) -> [ScanRecord] {
        try read { db in
            var sql = "SELECT * FROM scan s WHERE 1"
            var arguments: StatementArguments = []
            if let host {
                sql += " AND EXISTS (SELECT 1 FROM host h WHERE h.scan_id = s.id AND h.name = ?)"
                arguments += [host]
            }
            if let system {
                sql +=
                    " AND (s.system = ? OR EXISTS (SELECT 1 FROM host h WHERE h.scan_id = s.id AND h.system = ?))"
                arguments += [system, system]
            }
            sql += " ORDER BY s.id DESC LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.scanRecord)
        }
    }

    /// One scan by id, or nil.
    public func scan(id: Int64) throws(CapdoError) -> ScanRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM scan WHERE id = ?", arguments: [id]).map(Self.scanRecord)
        }
    }

    /// The findings of one scan, optionally only for some hosts.
    ///
    /// Titles, severity, group and item come from table `rule`, read once rather than joined on every finding.
    public func findings(scanID: Int64, hosts: Set<String>? = nil) throws(CapdoError) -> [StoredFinding] {
        try read { db in
            var rules: [String: StoredRule] = [:]
            let ruleRows = try Row.fetchCursor(
                db, sql: "SELECT id, title_vi, title_en, severity, grp, item FROM rule")
            while let row = try ruleRows.next() {
                rules[row[0]] = StoredRule(
                    title: LocalizedText(vi: row[1], en: row[2]), severity: Severity(rawValue: row[3]) ?? .info,
                    group: RequirementGroup(rawValue: row[4]) ?? .server, item: row[5])
            }
            var names: [Int64: String] = [:]
            let hostRows = try Row.fetchCursor(
                db, sql: "SELECT id, name FROM host WHERE scan_id = ?", arguments: [scanID])
            while let row = try hostRows.next() {
                let name: String = row[1]
                if hosts?.contains(name) ?? true { names[row[0]] = name }
            }
            // Shared found texts are read once each, when first met, and reused by every finding that refers to them.
            var shared: [Int64: String] = [:]
            let sharedFound = try db.cachedStatement(sql: "SELECT found FROM evidence WHERE id = ?")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT f.host_id, f.rule_id, f.status, f.evidence_id, f.found
                    FROM finding f JOIN host h ON h.id = f.host_id
                    WHERE h.scan_id = ?
                    """, arguments: [scanID])
            var result: [StoredFinding] = []
            while let row = try rows.next() {
                guard let host = names[row[0]] else { continue }
                let ruleID: String = row[1]
                guard let rule = rules[ruleID] else { continue }
                var found: String = row[4]
                if let evidenceID: Int64 = row[3] {
                    if let known = shared[evidenceID] {
                        found = known
                    } else if let text = try String.fetchOne(sharedFound, arguments: [evidenceID]) {
                        shared[evidenceID] = text
                        found = text
                    }
                }
                result.append(
                    StoredFinding(
                        host: host, ruleID: ruleID, status: FindingStatus(rawValue: row[2]) ?? .error,
                        severity: rule.severity, group: rule.group, item: rule.item, title: rule.title,
                        found: found))
            }
            return result
        }
    }

    /// The inventory of each host in one scan.
    public func inventories(scanID: Int64) throws(CapdoError) -> [String: HostInventory] {
        try read { db in
            var result: [String: HostInventory] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT h.name, i.body FROM host h JOIN inventory i ON i.digest = h.inventory
                    WHERE h.scan_id = ?
                    """, arguments: [scanID])
            while let row = try rows.next() { result[row[0]] = HostInventory(encoded: row[1]) }
            return result
        }
    }

    /// The inventory digest of each host in one scan that has an inventory.
    func inventoryDigests(scanID: Int64) throws(CapdoError) -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT h.name, i.digest FROM host h JOIN inventory i ON i.digest = h.inventory
                    WHERE h.scan_id = ?
                    """, arguments: [scanID])
            while let row = try rows.next() { result[row[0]] = row[1] }
            return result
        }
    }

    /// The stored inventory with `digest`, or nil.
    func inventory(digest: String) throws(CapdoError) -> HostInventory? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT body FROM inventory WHERE digest = ?", arguments: [digest])
                .map(HostInventory.init(encoded:))
        }
    }

    /// The host names of one scan.
    public func hostNames(scanID: Int64) throws(CapdoError) -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM host WHERE scan_id = ? ORDER BY name", arguments: [scanID])
        }
    }

    /// For every host of `scanID`, the latest earlier scan that included it.
    public func baselines(scanID: Int64) throws(CapdoError) -> [ScanChanges.Baseline] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT h.name, p.scan_id, s.finished_at FROM host h
                    JOIN host p ON p.id = (SELECT id FROM host WHERE name = h.name AND scan_id < h.scan_id
                                           ORDER BY scan_id DESC LIMIT 1)
                    JOIN scan s ON s.id = p.scan_id
                    WHERE h.scan_id = ? ORDER BY h.name
                    """, arguments: [scanID]
            ).map { row in
                ScanChanges.Baseline(
                    host: row[0], scanID: row[1], finishedAt: Date(timeIntervalSince1970: row[2]))
            }
        }
    }

    /// Score per group for the hosts of `scanID`, over the last `limit` scans that included any of them.
    public func trend(scanID: Int64, limit: Int = 10) throws(CapdoError) -> [TrendPoint] {
        try read { db in
            let scanIDs = try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT p.scan_id FROM host p
                    WHERE p.scan_id <= ? AND p.name IN (SELECT name FROM host WHERE scan_id = ?)
                    ORDER BY p.scan_id DESC LIMIT ?
                    """, arguments: [scanID, scanID, limit])
            var points: [TrendPoint] = []
            for id in scanIDs.reversed() {
                let finished =
                    try Double.fetchOne(db, sql: "SELECT finished_at FROM scan WHERE id = ?", arguments: [id]) ?? 0
                // Per-host counts written with the findings (migration v2), not the findings themselves.
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT t.grp, SUM(t.pass), SUM(t.warn), SUM(t.fail) FROM host_tally t
                        JOIN host p ON p.id = t.host_id
                        WHERE p.scan_id = ? AND p.name IN (SELECT name FROM host WHERE scan_id = ?)
                        GROUP BY t.grp
                        """, arguments: [id, scanID])
                var scores: [RequirementGroup: Double] = [:]
                while let row = try rows.next() {
                    guard let group = RequirementGroup(rawValue: row[0]) else { continue }
                    if let score = TrendPoint.score(pass: row[1], warn: row[2], fail: row[3]) {
                        scores[group] = score
                    }
                }
                points.append(
                    TrendPoint(scanID: id, finishedAt: Date(timeIntervalSince1970: finished), scores: scores))
            }
            return points
        }
    }

    /// Runs `body` in a read transaction; any failure is reported as the history not being readable.
    private func read<T>(_ body: (Database) throws -> T) throws(CapdoError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw CapdoError(.history, "cannot read the history in '\(path)': \(error)")
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound database.
    public func integrityCheck() throws(CapdoError) -> [String] {
        do {
            return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw CapdoError(.history, "cannot check '\(path)': \(error)")
        }
    }

    private static func scanRecord(_ row: Row) -> ScanRecord {
        ScanRecord(
            id: row["id"], command: row["command"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
            finishedAt: Date(timeIntervalSince1970: row["finished_at"]), profile: row["profile"],
            ruleSetVersion: row["rule_set_version"], hostCount: row["host_count"], pass: row["pass"], fail: row["fail"],
            warn: row["warn"], error: row["error"])
    }
}

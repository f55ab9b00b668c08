import CapdoCore
import CapdoHistory
import CapdoRules
import Foundation
import Logging

/// Records a finished run in the history database and fills the report's changes section from it.
struct HistoryRecorder {
    var store: HistoryStore
    var retention: HistoryRetention
    var logger: Logger

    init(path: String, retention: HistoryRetention, logger: Logger) throws(CapdoError) {
        store = try HistoryStore(path: path)
        self.retention = retention
        self.logger = logger
    }

    /// What history keeps of one host besides its findings: digest, inventory and system.
    static func extras(_ snapshot: HostSnapshot, digest: String, ownership: InformationSystemMembership)
        -> HistoryEntry.HostExtras
    {
        HistoryEntry.HostExtras(
            factsDigest: digest, inventory: HostInventory(snapshot), system: ownership.system(of: snapshot.hostName))
    }

    /// Records `result` (one transaction) with per-host `extras` (in the order of `result.hosts`), sets
    /// `result.changes`, prunes by retention.
    func record(_ result: inout ScanResult, command: String, extras: [HistoryEntry.HostExtras]) throws(CapdoError) {
        let scan = try store.recordScan(HistoryEntry(command: command, result: result, hosts: extras))
        logger.info("recorded scan #\(scan.id) (\(result.hosts.count) hosts) in \(store.path)")
        result.changes = try HistoryComparer(store: store).changes(of: scan)
        let pruned = try store.prune(retention, now: result.finishedAt)
        if pruned > 0 { logger.info("pruned \(pruned) scans older than the retention (\(retention.description))") }
    }
}

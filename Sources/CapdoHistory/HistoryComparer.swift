import Foundation
import CapdoCore

/// Builds the changes of report section 8 and of `capdo diff` from the history.
public struct HistoryComparer: Sendable {
    public let store: HistoryStore

    public init(store: HistoryStore) {
        self.store = store
    }

    /// Changes of the recorded scan `scanID` against each host's previous scan, with the score trend.
    public func changes(scanID: Int64, trendLimit: Int = 10) throws(CapdoError) -> ScanChanges {
        let baselines = try store.baselines(scanID: scanID)
        let current = try store.findings(scanID: scanID)
        let currentInventory = try store.inventories(scanID: scanID)
        var before: [StoredFinding] = []
        var inventory: [InventoryChange] = []
        let byScan = Dictionary(grouping: baselines, by: \.scanID)
        for (baseScan, hosts) in byScan {
            let names = Set(hosts.map(\.host))
            before += try store.findings(scanID: baseScan, hosts: names)
            let oldInventory = try store.inventories(scanID: baseScan)
            for name in names {
                guard let old = oldInventory[name], let new = currentInventory[name] else { continue }
                inventory += new.changes(since: old, host: name)
            }
        }
        let compared = Set(baselines.map(\.host))
        let diff = HistoryDiff.findings(before: before, after: current.filter { compared.contains($0.host) })
        return ScanChanges(
            baselines: baselines, newFindings: diff.new, resolved: diff.resolved, changed: diff.changed,
            inventory: inventory.sorted(by: InventoryChange.order),
            trend: try store.trend(scanID: scanID, limit: trendLimit))
    }

    /// The same changes as `changes(scanID:)` for a scan just recorded, computed from the scan in memory: only
    /// the baselines are read back, and a host whose inventory digest did not change is not compared at all.
    public func changes(of scan: RecordedScan, trendLimit: Int = 10) throws(CapdoError) -> ScanChanges {
        let baselines = try store.baselines(scanID: scan.id)
        let compared = Set(baselines.map(\.host))
        let hosts = scan.entry.result.hosts
        let currentInventory = scan.inventories
        var before: [StoredFinding] = []
        var inventory: [InventoryChange] = []
        var oldInventories: [String: HostInventory] = [:]
        for (baseScan, baseHosts) in Dictionary(grouping: baselines, by: \.scanID) {
            let names = Set(baseHosts.map(\.host))
            before += try store.findings(scanID: baseScan, hosts: names)
            let oldDigests = try store.inventoryDigests(scanID: baseScan)
            for name in names {
                guard let oldDigest = oldDigests[name], let new = currentInventory[name], new.digest != oldDigest
                else { continue }
                if oldInventories[oldDigest] == nil {
                    oldInventories[oldDigest] = try store.inventory(digest: oldDigest)
                }
                guard let old = oldInventories[oldDigest] else { continue }
                // Read back as stored, so that the comparison sees exactly what `changes(scanID:)` would.
                let stored = HostInventory(encoded: scan.entry.hosts[new.index].inventory.encoded)
                inventory += stored.changes(since: old, host: name)
            }
        }
        var after: [StoredFinding] = []
        after.reserveCapacity(before.count)
        for host in hosts where compared.contains(host.host) {
            for finding in host.findings {
                // The diff reads a current finding's "found" only when it needs action; a fleet's are mostly passes.
                after.append(
                    StoredFinding(
                        host: host.host, ruleID: finding.ruleID, status: finding.status, severity: finding.severity,
                        group: finding.group, item: finding.requirement.item, title: finding.title,
                        found: StoredFinding.needsAction(finding.status) ? StoredFinding.found(finding.evidence) : ""))
            }
        }
        let diff = HistoryDiff.findings(before: before, after: after)
        return ScanChanges(
            baselines: baselines, newFindings: diff.new, resolved: diff.resolved, changed: diff.changed,
            inventory: inventory.sorted(by: InventoryChange.order),
            trend: try store.trend(scanID: scan.id, limit: trendLimit))
    }

    /// Changes from scan `from` to scan `to`, over the hosts both include.
    public func diff(from: Int64, to: Int64, host: String? = nil) throws(CapdoError) -> ScanChanges {
        var common = Set(try store.hostNames(scanID: from)).intersection(try store.hostNames(scanID: to))
        if let host { common = common.intersection([host]) }
        let before = try store.findings(scanID: from, hosts: common)
        let after = try store.findings(scanID: to, hosts: common)
        let oldInventory = try store.inventories(scanID: from)
        let newInventory = try store.inventories(scanID: to)
        var inventory: [InventoryChange] = []
        for name in common {
            guard let old = oldInventory[name], let new = newInventory[name] else { continue }
            inventory += new.changes(since: old, host: name)
        }
        let diff = HistoryDiff.findings(before: before, after: after)
        let finished = try store.scan(id: from)?.finishedAt
        return ScanChanges(
            baselines: common.sorted().map {
                ScanChanges.Baseline(host: $0, scanID: from, finishedAt: finished ?? .distantPast)
            },
            newFindings: diff.new, resolved: diff.resolved, changed: diff.changed,
            inventory: inventory.sorted(by: InventoryChange.order))
    }
}

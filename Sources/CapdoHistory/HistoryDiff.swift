import CapdoCore

/// Compares the findings of two scans of the same hosts: new, resolved and changed findings (osquery-style
/// added/removed rows over rule × host). Pure.
public enum HistoryDiff {
    /// The finding changes from `before` to `after`; hosts absent from `before` are compared with nothing, so
    /// all their findings needing action count as new.
    public static func findings(
        before: [StoredFinding], after: [StoredFinding]
    ) -> (new: [FindingChange], resolved: [FindingChange], changed: [FindingChange]) {
        // Positions, not copies: a fleet's scans hold a million findings each.
        var old: [Key: Int] = [:]
        old.reserveCapacity(before.count)
        for index in before.indices { old[Key(before[index])] = index }
        var new: [FindingChange] = []
        var resolved: [FindingChange] = []
        var changed: [FindingChange] = []
        var seen = Set<Key>()
        seen.reserveCapacity(after.count)
        for finding in after {
            let key = Key(finding)
            seen.insert(key)
            let previous = old[key].map { before[$0] }
            switch (previous?.needsAction ?? false, finding.needsAction) {
            case (false, true):
                new.append(change(previous, finding, showFound: true))
            case (true, false):
                resolved.append(change(previous, finding, showFound: false))
            case (true, true):
                if let previous, previous.status != finding.status || previous.found != finding.found {
                    changed.append(change(previous, finding, showFound: true))
                }
            case (false, false):
                continue
            }
        }
        for finding in before where finding.needsAction && !seen.contains(Key(finding)) {
            resolved.append(
                FindingChange(
                    host: finding.host, ruleID: finding.ruleID, title: finding.title, item: finding.item,
                    severity: finding.severity, before: finding.status, after: nil))
        }
        return (
            new.sorted(by: FindingChange.order), resolved.sorted(by: FindingChange.order),
            changed.sorted(by: FindingChange.order)
        )
    }

    /// A finding's identity across scans: host × rule.
    private struct Key: Hashable {
        var host: String
        var ruleID: String

        init(_ finding: StoredFinding) {
            host = finding.host
            ruleID = finding.ruleID
        }
    }

    private static func change(_ before: StoredFinding?, _ after: StoredFinding, showFound: Bool) -> FindingChange {
        let differs = before?.found != after.found
        return FindingChange(
            host: after.host, ruleID: after.ruleID, title: after.title, item: after.item, severity: after.severity,
            before: before?.status, after: after.status,
            foundBefore: showFound && differs ? before.flatMap { $0.found.isEmpty ? nil : $0.found } : nil,
            foundAfter: showFound && differs && !after.found.isEmpty ? after.found : nil)
    }
}

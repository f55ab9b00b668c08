/// Sorts findings into `Finding.reportOrder` without building a `ReportOrderKey` per finding: a fleet repeats the
/// same few hundred (severity, item, rule) triples and a few thousand host names over a million findings, so each
/// distinct triple and host is ranked once and the findings are sorted on two integers.
///
/// The result is that of a stable sort by `ReportOrderKey`: findings with equal keys keep their given order.
enum ReportOrderSort {
    /// The part of `ReportOrderKey` a rule decides (the item is read from `tt12`).
    private struct RulePart: Hashable {
        var severity: Int
        var tt12: String
        var ruleID: String
    }

    /// The indices of `findings` in report order.
    static func order(_ findings: [Finding]) -> [Int] {
        var ruleIDs: [RulePart: Int] = [:]
        var ruleKeys: [ReportOrderKey] = []
        var hostIDs: [String: Int] = [:]
        var hostNames: [String] = []
        var ruleOf = [Int](repeating: 0, count: findings.count)
        var hostOf = [Int](repeating: 0, count: findings.count)
        var lastHost: String?
        var lastHostID = 0
        for (index, finding) in findings.enumerated() {
            let part = RulePart(severity: finding.severity.rank, tt12: finding.requirement.tt12, ruleID: finding.ruleID)
            if let id = ruleIDs[part] {
                ruleOf[index] = id
            } else {
                var key = ReportOrderKey(finding)
                key.host = ""
                ruleOf[index] = ruleKeys.count
                ruleIDs[part] = ruleKeys.count
                ruleKeys.append(key)
            }
            // Findings arrive host by host: most lookups are the host just seen.
            if finding.host != lastHost {
                if let id = hostIDs[finding.host] {
                    lastHostID = id
                } else {
                    lastHostID = hostNames.count
                    hostIDs[finding.host] = lastHostID
                    hostNames.append(finding.host)
                }
                lastHost = finding.host
            }
            hostOf[index] = lastHostID
        }
        let ruleRank = ranks(of: ruleKeys)
        let hostRank = ranks(of: hostNames)
        return findings.indices.sorted { lhs, rhs in
            let left = ruleRank[ruleOf[lhs]]
            let right = ruleRank[ruleOf[rhs]]
            if left != right { return left < right }
            let leftHost = hostRank[hostOf[lhs]]
            let rightHost = hostRank[hostOf[rhs]]
            if leftHost != rightHost { return leftHost < rightHost }
            return lhs < rhs
        }
    }

    /// The position of each of `values` in sorted order; equal values share one.
    private static func ranks<Value: Comparable>(of values: [Value]) -> [Int] {
        var rank = [Int](repeating: 0, count: values.count)
        var position = 0
        var previous: Int?
        for index in values.indices.sorted(by: { values[$0] < values[$1] }) {
            if let previous, values[previous] < values[index] { position += 1 }
            rank[index] = position
            previous = index
        }
        return rank
    }
}

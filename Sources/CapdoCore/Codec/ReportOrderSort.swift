/// Sorts findings into `Finding.reportOrder` without building a `ReportOrderKey` per finding: a fleet repeats the
/// same few hundred (severity, item, rule) triples and a few thousand host names over a million findings, so each
/// distinct triple and host is ranked once and the findings are sorted on two integers.
///
/// The result is that of a stable sort by `ReportOrderKey`: findings with equal keys keep their given order.
/// Reference path: `CodecReference.reportOrder`; `ReportOrderSortDifferentialTests` holds the two to one order.
enum ReportOrderSort {
    /// The part of `ReportOrderKey` a rule decides (the item is read from `tt12`).
    private struct RulePart: Hashable {
        var severity: Int
        var tt12: String
        var ruleID: String
    }

    /// The indices of `findings` in report order.
    static func order(_ findings: [Finding]) -> [Int] {
        order([findings]).map(\.index)
    }

    /// The positions (list, index in it) of the findings of several lists, in the report order of all of them
    /// together, as if the lists were concatenated: `ScanResult.allFindings` orders every host's findings this
    /// way without first copying them into one list. Findings are read in place, never copied.
    static func order(_ lists: [[Finding]]) -> [(list: Int, index: Int)] {
        var ruleIDs: [RulePart: Int] = [:]
        var ruleKeys: [ReportOrderKey] = []
        var hostIDs: [String: Int] = [:]
        var hostNames: [String] = []
        var positions: [(list: Int, index: Int)] = []
        let total = lists.reduce(0) { $0 + $1.count }
        positions.reserveCapacity(total)
        var ruleOf: [Int] = []
        ruleOf.reserveCapacity(total)
        var hostOf: [Int] = []
        hostOf.reserveCapacity(total)
        var lastHost: String?
        var lastHostID = 0
        for (list, findings) in lists.enumerated() {
            findings.withUnsafeBufferPointer { findings in
                for index in findings.indices {
                    positions.append((list, index))
                    let part = RulePart(
                        severity: findings[index].severity.rank, tt12: findings[index].requirement.tt12,
                        ruleID: findings[index].ruleID)
                    if let id = ruleIDs[part] {
                        ruleOf.append(id)
                    } else {
                        var key = ReportOrderKey(findings[index])
                        key.host = ""
                        ruleOf.append(ruleKeys.count)
                        ruleIDs[part] = ruleKeys.count
                        ruleKeys.append(key)
                    }
                    // Findings arrive host by host: most lookups are the host just seen.
                    let host = findings[index].host
                    if host != lastHost {
                        if let id = hostIDs[host] {
                            lastHostID = id
                        } else {
                            lastHostID = hostNames.count
                            hostIDs[host] = lastHostID
                            hostNames.append(host)
                        }
                        lastHost = host
                    }
                    hostOf.append(lastHostID)
                }
            }
        }
        let ruleRank = ranks(of: ruleKeys)
        let hostRank = ranks(of: hostNames)
        // Two stable counting sorts, by host rank and then by rule rank: the stable sort by (rule, host, position)
        // in linear time (a fleet has a million findings but only hundreds of rules and thousands of hosts).
        let byHost = countingSort(Array(positions.indices), buckets: hostNames.count) { hostRank[hostOf[$0]] }
        return countingSort(byHost, buckets: ruleKeys.count) { ruleRank[ruleOf[$0]] }.map { positions[$0] }
    }

    /// `indices` stably ordered by `key` (0..<buckets).
    private static func countingSort(_ indices: [Int], buckets: Int, key: (Int) -> Int) -> [Int] {
        var starts = [Int](repeating: 0, count: buckets + 1)
        for index in indices { starts[key(index) + 1] += 1 }
        for bucket in 0..<buckets { starts[bucket + 1] += starts[bucket] }
        var sorted = [Int](repeating: 0, count: indices.count)
        for index in indices {
            let bucket = key(index)
            sorted[starts[bucket]] = index
            starts[bucket] += 1
        }
        return sorted
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

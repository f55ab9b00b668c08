import CapdoCore

/// The pass/warn/fail counts of one host per requirement group, as table `host_tally` keeps them for the trend.
struct HostTally {
    /// Counts per group, in the order the groups first appear among the host's findings.
    private(set) var groups: [(group: RequirementGroup, counts: (pass: Int, warn: Int, fail: Int))] = []

    /// Counts `finding` (a status other than pass, warn and fail still makes its group appear).
    mutating func count(_ finding: Finding) {
        let index: Int
        if let found = groups.firstIndex(where: { $0.group == finding.group }) {
            index = found
        } else {
            groups.append((finding.group, (0, 0, 0)))
            index = groups.count - 1
        }
        switch finding.status {
        case .pass: groups[index].counts.pass += 1
        case .warn: groups[index].counts.warn += 1
        case .fail: groups[index].counts.fail += 1
        default: break
        }
    }
}

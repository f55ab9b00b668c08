/// Management items judged once per information system instead of once per host.
///
/// A management item (group `management`: a policy, a plan, a record of the organisation) is attested by documents
/// of the information system, wherever capdo found them; judged per host, a fleet of two PCs repeated each of them
/// twice. With more than one host, each system's management findings leave its hosts and become one result for the
/// system (`HostResult.members`): per rule, a `pass` from any member (the document was found and is valid), else the
/// member finding that needs most action (`FindingStatus.rank`, first host on a tie). Evidence locations name the
/// host they were read on. One host keeps its findings: its report means what it meant.
public enum SystemLevelFindings {
    /// The system of the hosts that belong to no information system of capdo.yaml (a fleet evaluated without one).
    public static let unassigned = "fleet"

    /// `hosts` with the management findings moved into one result per system, appended after the hosts in the order
    /// their first member appears; `system(host)` names a host's system (nil: `unassigned`). Unchanged for fewer
    /// than two hosts or when `hosts` already holds a system's result.
    public static func separate(_ hosts: [HostResult], system: (String) -> String?) -> [HostResult] {
        guard hosts.count > 1, !hosts.contains(where: \.isSystem) else { return hosts }
        var order: [String] = []
        var members: [String: [String]] = [:]
        var latest: [String: HostResult] = [:]
        var chosen: [String: [String: Finding]] = [:]
        var separated: [HostResult] = []
        separated.reserveCapacity(hosts.count + 1)
        for var host in hosts {
            let name = system(host.host) ?? unassigned
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(host.host)
            if (latest[name]?.collectedAt ?? .distantPast) < host.collectedAt { latest[name] = host }
            var ofSystem = chosen[name] ?? [:]
            for finding in host.findings where finding.group == .management {
                if let current = ofSystem[finding.ruleID], !decides(finding, over: current) { continue }
                ofSystem[finding.ruleID] = finding
            }
            chosen[name] = ofSystem
            host.findings.removeAll { $0.group == .management }
            separated.append(host)
        }
        for name in order {
            let findings = (chosen[name] ?? [:]).values.map { attributed($0, to: name) }
            guard !findings.isEmpty else { continue }
            separated.append(
                HostResult(
                    host: name, root: "", live: false, collectedAt: latest[name]?.collectedAt ?? .distantPast,
                    findings: Finding.sortedForReport(findings), issues: [], collectors: [],
                    members: members[name] ?? []))
        }
        return separated
    }

    /// Whether `candidate` replaces `current` as the system's finding: a pass once, else the one needing more action.
    static func decides(_ candidate: Finding, over current: Finding) -> Bool {
        if current.status == .pass { return false }
        if candidate.status == .pass { return true }
        return candidate.status.rank < current.status.rank
    }

    /// `finding` as the system's: its host is the system, its evidence locations name the host they came from.
    static func attributed(_ finding: Finding, to system: String) -> Finding {
        var moved = finding
        moved.host = system
        moved.evidence = finding.evidence.map { evidence in
            var located = evidence
            located.location = "\(finding.host): \(evidence.location ?? "–")"
            return located
        }
        return moved
    }
}

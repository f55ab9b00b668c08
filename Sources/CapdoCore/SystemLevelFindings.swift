import Foundation

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
    /// The hosts' findings are changed in place: a caller that passes its last reference (`consume`) copies none.
    public static func separate(_ hosts: consuming [HostResult], system: (String) -> String?) -> [HostResult] {
        guard hosts.count > 1, !hosts.contains(where: \.isSystem) else { return hosts }
        var order: [String] = []
        var members: [String: [String]] = [:]
        var latest: [String: Date] = [:]
        var chosen: [String: [String: Finding]] = [:]
        var separated = consume hosts
        for index in separated.indices {
            let host = separated[index].host
            let name = system(host) ?? unassigned
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(host)
            latest[name] = max(latest[name] ?? .distantPast, separated[index].collectedAt)
            var ofSystem = chosen[name] ?? [:]
            for finding in separated[index].findings where finding.group == .management {
                if let current = ofSystem[finding.ruleID], !decides(finding, over: current) { continue }
                ofSystem[finding.ruleID] = finding
            }
            chosen[name] = ofSystem
            separated[index].findings.removeAll { $0.group == .management }
        }
        for name in order {
            let findings = (chosen[name] ?? [:]).values.map { attributed($0, to: name) }
            guard !findings.isEmpty else { continue }
            separated.append(
                HostResult(
                    host: name, root: "", live: false, collectedAt: latest[name] ?? .distantPast,
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

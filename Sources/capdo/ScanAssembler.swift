import CapdoCore
import CapdoRules
import Foundation

/// Evaluates snapshots with a rule set and assembles the `ScanResult` every reporter renders.
enum ScanAssembler {
    static func evaluate(
        _ snapshots: [HostSnapshot], ruleSet: LoadedRuleSet, organisation: Organisation, startedAt: Date, now: Date,
        systems: [SystemConfig] = []
    ) async -> ScanResult {
        let engine = RuleEngine(profile: ruleSet.profile, waivers: ruleSet.waivers, now: now)
        let rules = ruleSet.selectedRules
        let hosts = await withTaskGroup(of: (Int, HostResult).self) { group in
            for (index, snapshot) in snapshots.enumerated() {
                group.addTask { (index, engine.evaluate(rules, snapshot: snapshot)) }
            }
            var results: [(Int, HostResult)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return assemble(
            hosts, ruleSet: ruleSet, organisation: organisation, startedAt: startedAt, now: now, systems: systems)
    }

    /// The `ScanResult` over hosts already judged (by `evaluate` or by `FleetEvaluation`).
    static func assemble(
        _ hosts: [HostResult], ruleSet: LoadedRuleSet, organisation: Organisation, startedAt: Date, now: Date,
        systems: [SystemConfig] = []
    ) -> ScanResult {
        let findings = hosts.flatMap(\.findings)
        let waivers = ruleSet.waivers.map { waiver in
            WaiverStatus(
                waiver: waiver, expired: waiver.isExpired(at: now),
                applied: findings.filter {
                    $0.status == .waived && $0.ruleID == waiver.rule && waiver.covers(host: $0.host)
                }.count)
        }
        var result = ScanResult(
            startedAt: startedAt, finishedAt: now, organisation: organisation, profile: ruleSet.profileInfo,
            ruleSet: ruleSet.ruleSetInfo, hosts: hosts, controls: ruleSet.catalog.controls, waivers: waivers)
        result.systems = summaries(systems, hosts: hosts.map(\.host))
        return result
    }

    /// The systems a LAN or TLS run reports on, with its pseudo-host (`lan-…`, `tls-…`) made a member: the only
    /// system when there is one, else those `covers` says own what was scanned (their LAN targets or TLS endpoints).
    static func systems(
        _ systems: [SystemConfig], adding host: String, where covers: (SystemConfig) -> Bool
    ) -> [SystemConfig] {
        let owners = systems.count == 1 ? systems : systems.filter(covers)
        return owners.map { system in
            var member = system
            member.hostNames.append(host)
            return member
        }
    }

    /// The systems that own at least one of `hosts`, in file order; nil when there are none.
    ///
    /// A host belongs to the system that lists its name; with a single system, every host belongs to it (the same
    /// rule the history uses).
    static func summaries(_ systems: [SystemConfig], hosts: [String]) -> [SystemSummary]? {
        let ownership = SystemOwnership(systems)
        let summaries = systems.compactMap { system -> SystemSummary? in
            let members = Array(Set(hosts.filter { ownership.system(of: $0) == system.name })).sorted()
            guard !members.isEmpty else { return nil }
            return SystemSummary(
                name: system.name, owner: system.owner, operator: system.operator, level: system.level, hosts: members)
        }
        return summaries.isEmpty ? nil : summaries
    }
}

import CapdoCore
import CapdoHistory
import CapdoRules
import Foundation

/// Evaluates snapshots with a rule set and assembles the `ScanResult` every reporter renders.
enum ScanAssembler {
    /// Judges snapshots gathered in this run exactly as `capdo evaluate` judges snapshot files (`FleetEvaluation`):
    /// each is encoded to the bytes `capdo collect` would write and read back, so no route judges facts a snapshot
    /// would not carry.
    /// With `history`, also each host's facts digest and inventory (in the order of the hosts). Ages are judged as of
    /// `asOf` when given, else `now`.
    static func evaluate(
        _ snapshots: [HostSnapshot], ruleSet: LoadedRuleSet, organisation: Organisation, startedAt: Date, now: Date,
        asOf: Date? = nil, systems: [InformationSystem] = [], history: Bool = false
    ) throws(CapdoError) -> (result: ScanResult, extras: [HistoryEntry.HostExtras]) {
        let judged = try FleetEvaluation.run(
            snapshots.map(SnapshotSource.gathered), ruleSet: ruleSet, now: asOf ?? now, history: history,
            systems: systems)
        let result = assemble(
            judged.map(\.result), ruleSet: ruleSet, organisation: organisation, startedAt: startedAt, now: now,
            asOf: asOf, systems: systems)
        return (result, judged.compactMap(\.extras))
    }

    /// The `ScanResult` over hosts already judged (by `evaluate` or by `FleetEvaluation`); waivers expire as of
    /// `asOf` when given (the time the hosts were judged against), else `now`. With more than one host, the
    /// management items are judged once per information system (`SystemLevelFindings`).
    static func assemble(
        _ judged: consuming [HostResult], ruleSet: LoadedRuleSet, organisation: Organisation, startedAt: Date,
        now: Date,
        asOf: Date? = nil, systems: [InformationSystem] = []
    ) -> ScanResult {
        let ownership = InformationSystemMembership(systems)
        let hosts = SystemLevelFindings.separate(consume judged) { ownership.system(of: $0) }
        let waivers = ruleSet.waivers.map { waiver in
            WaiverStatus(
                waiver: waiver, expired: waiver.isExpired(at: asOf ?? now),
                applied: hosts.reduce(0) { count, host in
                    count
                        + host.findings.count {
                            $0.status == .waived && $0.ruleID == waiver.rule && waiver.covers(host: $0.host)
                        }
                })
        }
        var result = ScanResult(
            startedAt: startedAt, finishedAt: now, organisation: organisation, profile: ruleSet.profileInfo,
            ruleSet: ruleSet.ruleSetInfo, hosts: hosts, controls: ruleSet.catalog.controls, waivers: waivers)
        result.systems = summaries(systems, hosts: hosts.filter { !$0.isSystem }.map(\.host))
        result.asOf = asOf
        return result
    }

    /// The result of a LAN or TLS run: its facts judged as one pseudo-host (`lan-…`, `tls-…`), reported under the
    /// systems `covers` says own what was scanned (`systems(_:adding:where:)`).
    static func evaluatePseudoHost(
        _ snapshot: HostSnapshot, ruleSet: LoadedRuleSet, session: ReportSession, covers: (InformationSystem) -> Bool
    ) throws(CapdoError) -> ScanResult {
        let clock = session.clock
        return try evaluate(
            [snapshot], ruleSet: ruleSet, organisation: session.organisation, startedAt: clock.now,
            now: clock.finished(), systems: systems(session.config.systems, adding: snapshot.hostName, where: covers)
        ).result
    }

    /// The systems a LAN or TLS run reports on, with its pseudo-host (`lan-…`, `tls-…`) made a member: the only
    /// system when there is one, else those `covers` says own what was scanned (their LAN targets or TLS endpoints).
    static func systems(
        _ systems: [InformationSystem], adding host: String, where covers: (InformationSystem) -> Bool
    ) -> [InformationSystem] {
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
    static func summaries(_ systems: [InformationSystem], hosts: [String]) -> [InformationSystemSummary]? {
        let ownership = InformationSystemMembership(systems)
        let summaries = systems.compactMap { system -> InformationSystemSummary? in
            let members = Array(Set(hosts.filter { ownership.system(of: $0) == system.name })).sorted()
            guard !members.isEmpty else { return nil }
            return InformationSystemSummary(
                name: system.name, owner: system.owner, operator: system.operator, level: system.level, hosts: members)
        }
        return summaries.isEmpty ? nil : summaries
    }
}

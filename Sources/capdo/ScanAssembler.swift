import CapdoCore
import CapdoRules
import Foundation

/// Evaluates snapshots with a rule set and assembles the `ScanResult` every reporter renders.
enum ScanAssembler {
    static func evaluate(
        _ snapshots: [HostSnapshot], ruleSet: LoadedRuleSet, organisation: Organisation, startedAt: Date, now: Date
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
        let findings = hosts.flatMap(\.findings)
        let waivers = ruleSet.waivers.map { waiver in
            WaiverStatus(
                waiver: waiver, expired: waiver.isExpired(at: now),
                applied: findings.filter {
                    $0.status == .waived && $0.ruleID == waiver.rule && waiver.covers(host: $0.host)
                }.count)
        }
        return ScanResult(
            startedAt: startedAt, finishedAt: now, organisation: organisation, profile: ruleSet.profileInfo,
            ruleSet: ruleSet.ruleSetInfo, hosts: hosts, controls: ruleSet.catalog.controls, waivers: waivers)
    }
}

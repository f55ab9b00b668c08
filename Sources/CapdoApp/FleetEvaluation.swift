import CapdoCore
import CapdoHistory
import CapdoRules
import Foundation

/// Judges snapshots the one way every command does, for one host or a fleet: the snapshot's JSON bytes read back
/// (`SnapshotFile`), the rules in report order, the host result and, for history, its digest and inventory.
///
/// The sources are judged on all cores, one at a time per core: read, decode, evaluate, and drop the snapshot,
/// keeping per host only its result, whose evidence shares the copies other hosts have (`EvidencePool`). Memory grows
/// with the results, not with the snapshots (a collected snapshot is about 1 MiB of JSON). `evaluate` gives files; `scan`, `lan` and `tls` give the snapshot they gathered, judged
/// from the bytes `capdo collect` would write for it, so a route through `collect` and `evaluate` judges the very
/// same facts.
struct FleetEvaluation: Sendable {
    /// One judged host; for a file that could not be read, its all-`error` entry (`RuleEngine.unreadable`).
    struct Judged: Sendable {
        var result: HostResult
        var extras: HistoryEntry.HostExtras?
        /// `path: why`, when the file could not be read.
        var unreadable: String?
    }

    let engine: RuleEngine
    let rules: [Rule]
    let ownership: InformationSystemMembership
    let history: Bool
    /// Shared copies of the evidence the hosts have in common.
    let pool: EvidencePool
    /// The rules' findings by the facts they read: hosts that share them are judged once.
    let memo: RuleMemo
    /// Snapshot sections already decoded, by their bytes.
    let sections = SectionMemo()

    init(ruleSet: LoadedRuleSet, now: Date, history: Bool, systems: [InformationSystem]) {
        engine = RuleEngine(profile: ruleSet.profile, waivers: ruleSet.waivers, now: now)
        // Profile values written into the rules' text once, not for every host.
        rules = Finding.reportOrder(of: ruleSet.selectedRules).map(engine.rendered)
        ownership = InformationSystemMembership(systems)
        self.history = history
        pool = EvidencePool(ruleIDs: rules.map(\.id))
        memo = RuleMemo(rules: rules)
    }

    /// Judges one snapshot as read by `SnapshotFile.read`.
    func judge(_ read: SnapshotFile.Read) -> Judged {
        let result = engine.evaluate(
            rules, snapshot: read.snapshot, facts: read.facts, spans: read.spans, inReportOrder: true, memo: memo,
            share: pool.share)
        let extras =
            history ? HistoryRecorder.extras(read.snapshot, digest: read.digest ?? "", ownership: ownership) : nil
        return Judged(result: result, extras: extras)
    }

    /// Judges one source. A file that cannot be read becomes its all-`error` entry naming the file and why, never a
    /// host that silently vanishes; a gathered snapshot that cannot be encoded and read back is an error of the run.
    func judge(_ source: SnapshotSource) throws(CapdoError) -> Judged {
        switch source {
        case .file(let path):
            do throws(CapdoError) {
                return judge(try SnapshotFile.read(path, digest: history, memo: sections))
            } catch {
                let message = error.description
                let reason = message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
                return Judged(
                    result: engine.unreadable(rules, file: path, reason: reason), extras: nil, unreadable: message)
            }
        case .gathered(let snapshot):
            return judge(
                try SnapshotFile.read(
                    SnapshotFile.bytes(snapshot), name: snapshot.hostName, digest: history, memo: sections))
        }
    }

    /// Judges `sources` on all cores; the results keep the given order.
    static func run(
        _ sources: [SnapshotSource], ruleSet: LoadedRuleSet, now: Date, history: Bool, systems: [InformationSystem]
    ) throws(CapdoError) -> [Judged] {
        let evaluation = FleetEvaluation(ruleSet: ruleSet, now: now, history: history, systems: systems)
        let slots = ResultSlots<Judged>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            slots.set(index, Result { () throws(CapdoError) in try evaluation.judge(sources[index]) })
        }
        return try slots.results.map { (result) throws(CapdoError) in try result.get() }
    }
}

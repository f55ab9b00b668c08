import CapdoCore
import CapdoHistory
import CapdoRules
import Foundation

/// Judges snapshots the one way every command does: the snapshot's JSON bytes read back (`SnapshotFile`), the rules
/// in report order, the host result and, for history, its digest and inventory.
///
/// `evaluate` runs it over many files on all cores, one file at a time per core: read, decode, evaluate, and drop
/// the snapshot, keeping per host only its result. Memory grows with the results, not with the snapshots (a
/// collected snapshot is about 1 MiB of JSON). `scan`, `lan` and `tls` run it over the bytes their snapshot would
/// be written as, so a route through `collect` and `evaluate` judges the very same facts.
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
    let ownership: SystemOwnership
    let history: Bool

    init(ruleSet: LoadedRuleSet, now: Date, history: Bool, systems: [SystemConfig]) {
        engine = RuleEngine(profile: ruleSet.profile, waivers: ruleSet.waivers, now: now)
        // Profile values written into the rules' text once, not for every host.
        rules = Finding.reportOrder(of: ruleSet.selectedRules).map(engine.rendered)
        ownership = SystemOwnership(systems)
        self.history = history
    }

    /// Judges one snapshot as read by `SnapshotFile.read`.
    func judge(_ read: (snapshot: HostSnapshot, facts: FactValue, digest: String?)) -> Judged {
        let result = engine.evaluate(rules, snapshot: read.snapshot, facts: read.facts, inReportOrder: true)
        let extras =
            history ? HistoryRecorder.extras(read.snapshot, digest: read.digest ?? "", ownership: ownership) : nil
        return Judged(result: result, extras: extras)
    }

    /// Reads and judges snapshot files on all cores, in the given order; a file that cannot be read becomes its
    /// all-`error` entry (`RuleEngine.unreadable`) naming the file and why, never a host that silently vanishes.
    static func run(
        _ paths: [String], ruleSet: LoadedRuleSet, now: Date, history: Bool, systems: [SystemConfig]
    ) -> [Judged] {
        let evaluation = FleetEvaluation(ruleSet: ruleSet, now: now, history: history, systems: systems)
        let slots = ResultSlots<Judged>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            do {
                slots.set(index, .success(evaluation.judge(try SnapshotFile.read(path, digest: history))))
            } catch {
                let message = (error as? CLIError)?.description ?? "\(path): \(error)"
                let reason = message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
                let result = evaluation.engine.unreadable(evaluation.rules, file: path, reason: reason)
                slots.set(index, .success(Judged(result: result, extras: nil, unreadable: message)))
            }
        }
        return slots.results.compactMap { try? $0.get() }
    }
}

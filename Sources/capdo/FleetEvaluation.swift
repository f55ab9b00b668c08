import CapdoCore
import CapdoHistory
import CapdoRules
import Foundation

/// Judges many snapshot files on all cores, one file at a time per core: read, decode, evaluate, and drop the
/// snapshot, keeping per host only its result (and, for history, its digest and inventory). Memory grows with the
/// results, not with the snapshots (a collected snapshot is about 1 MiB of JSON).
enum FleetEvaluation {
    /// One judged host; for a file that could not be read, its all-`error` entry (`RuleEngine.unreadable`).
    struct Judged: Sendable {
        var result: HostResult
        var extras: HistoryEntry.HostExtras?
        /// `path: why`, when the file could not be read.
        var unreadable: String?
    }

    static func run(
        _ paths: [String], ruleSet: LoadedRuleSet, now: Date, history: Bool, systems: [SystemConfig]
    ) -> [Judged] {
        let engine = RuleEngine(profile: ruleSet.profile, waivers: ruleSet.waivers, now: now)
        let rules = Finding.reportOrder(of: ruleSet.selectedRules)
        let ownership = SystemOwnership(systems)
        let slots = ResultSlots<Judged>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            do {
                let read = try SnapshotFile.read(paths[index], digest: history)
                let result = engine.evaluate(rules, snapshot: read.snapshot, facts: read.facts, inReportOrder: true)
                let extras =
                    history
                    ? HistoryRecorder.extras(read.snapshot, digest: read.digest ?? "", ownership: ownership) : nil
                slots.set(index, .success(Judged(result: result, extras: extras)))
            } catch {
                let path = paths[index]
                let message = (error as? CLIError)?.description ?? "\(path): \(error)"
                let reason = message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
                let result = engine.unreadable(rules, file: path, reason: reason)
                slots.set(index, .success(Judged(result: result, extras: nil, unreadable: message)))
            }
        }
        return slots.results.compactMap { try? $0.get() }
    }
}

import CapdoCore
import CapdoHistory
import CapdoRules
import Foundation
import Logging

/// `capdo evaluate`: judge snapshot files collected elsewhere into one result.
public enum FleetRun {
    /// The result over `snapshots` (files or folders of `*.json`; none: capdo.yaml `systems[].snapshots`) and the
    /// report file stem (`name`, else the host's, else `fleet-<date>`). A file that cannot be read stays in the
    /// result as an unreadable host (`warn` names it). Every error is a `CapdoError`.
    public static func run(
        _ snapshots: [String], name: String?, ruleSet: RuleSetChoice, history: HistoryChoice, session: ReportSession,
        logger: Logger, warn: (String) -> Void
    ) throws(CapdoError) -> (result: ScanResult, stem: String) {
        let config = session.config
        let clock = session.clock
        let loaded = try ruleSet.load(config: config, warn: warn)
        let runLock = try history.takeLock(config)
        defer { withExtendedLifetime(runLock) {} }
        let historyPath = history.databasePath(config)
        var hosts: [HostResult] = []
        var extras: [HistoryEntry.HostExtras] = []
        var unreadable: [HostResult] = []
        let evaluationStart = DispatchTime.now()
        let given = snapshots.isEmpty ? config.systems.flatMap(\.snapshots) : snapshots
        guard !given.isEmpty else {
            throw CapdoError(
                .usage,
                "give snapshot files or folders, or list them under systems[].snapshots in capdo.yaml (--config)")
        }
        let judged = try FleetEvaluation.run(
            expand(given).map(SnapshotSource.file), ruleSet: loaded, now: clock.judgedAt(),
            history: historyPath != nil, systems: config.systems)
        for host in judged {
            if let message = host.unreadable {
                warn("capdo: \(message) — reported as an unreadable host")
                unreadable.append(host.result)
            } else {
                hosts.append(host.result)
                if let extra = host.extras { extras.append(extra) }
            }
        }
        logger.info("evaluated \(hosts.count) snapshots in \(seconds(since: evaluationStart)) s")
        // After the readable hosts, so that history's per-host extras stay in step with them.
        hosts += unreadable
        let stem =
            name
            ?? (hosts.count == 1
                ? ReportWriter.stem(host: hosts[0].host, date: clock.now)
                : "fleet-" + CapdoDate.day(clock.now))
        var result = ScanAssembler.assemble(
            consume hosts, ruleSet: loaded, organisation: session.organisation, startedAt: clock.now,
            now: clock.finished(), asOf: clock.asOf, systems: config.systems)
        if let historyPath {
            // The report's summary (all findings sorted, item verdicts) does not depend on the history: derive it
            // on another core while this one records the scan. The copy shares the result's memo.
            let derived = result
            let summarised = DispatchGroup()
            DispatchQueue.global(qos: .userInitiated).async(group: summarised) { _ = derived.summary }
            defer { summarised.wait() }
            let recorder = try HistoryRecorder(path: historyPath, retention: config.retention, logger: logger)
            let recordStart = DispatchTime.now()
            try recorder.record(&result, command: "evaluate", extras: extras)
            logger.info("history recorded in \(seconds(since: recordStart)) s")
        }
        return (result, stem)
    }

    /// Seconds since `start`, to the millisecond.
    public static func seconds(since start: DispatchTime) -> Double {
        Double((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000) / 1_000
    }

    /// Files as given, and `*.json` inside given folders (sorted).
    static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
        }
    }
}

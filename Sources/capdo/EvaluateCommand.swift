import ArgumentParser
import CapdoCore
import CapdoHistory
import CapdoReport
import Foundation

/// `capdo evaluate`: judge snapshots collected elsewhere, into one report.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate snapshot files (or folders of them) into one aggregated report.",
        discussion: """
            A snapshot that cannot be read stays in the report as a host whose every finding is an error naming
            the file and why; the others are still evaluated, and the run exits 1 (also when findings fail).

            Examples:
              capdo evaluate srv01.json pc-motcua-03.json
              capdo evaluate /srv/capdo/snapshots --lang en --output /srv/capdo/reports
              capdo evaluate --config /etc/capdo/capdo.yaml    (every systems[].snapshots folder)
              capdo evaluate old/srv01.json --as-of 2026-11-28   (ages judged as of that date; the report says so)
            """)

    @Argument(help: "Snapshot JSON files or folders holding them (default: capdo.yaml systems[].snapshots).")
    var snapshots: [String] = []

    @Option(name: .long, help: "Report file name stem (default: the host name, or fleet-<date> for several hosts).")
    var name: String?

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var historyOptions: HistoryOptions
    @OptionGroup var asOf: AsOfOption

    func run() async throws {
        try await CLIError.reported { try await execute() }
    }

    func execute() async throws {
        let session = try ReportSession(ruleSet: ruleSet, report: report, asOf: asOf.asOf)
        let config = session.config
        let clock = session.clock
        let loaded = try ruleSet.loadRuleSet(config: config, warn: Console.warn)
        let runLock = try historyOptions.lockPath(config).map(RunLock.init(path:))
        defer { withExtendedLifetime(runLock) {} }
        let historyPath = historyOptions.databasePath(config)
        var hosts: [HostResult] = []
        var extras: [HistoryEntry.HostExtras] = []
        var unreadable: [HostResult] = []
        let logger = CapdoLog.logger(quiet: report.quiet)
        if let tuning = AllocatorTuning.current { logger.info("allocator: \(AllocatorTuning.variable)=\(tuning)") }
        let evaluationStart = DispatchTime.now()
        // Read, judge and drop each snapshot on all cores; the given order is kept.
        let given = snapshots.isEmpty ? config.systems.flatMap(\.snapshots) : snapshots
        guard !given.isEmpty else {
            throw CLIError.usage(
                "give snapshot files or folders, or list them under systems[].snapshots in capdo.yaml (--config)")
        }
        let judged = FleetEvaluation.run(
            Self.expand(given), ruleSet: loaded, now: clock.judgedAt(), history: historyPath != nil,
            systems: config.systems)
        for host in judged {
            if let message = host.unreadable {
                Console.warn("capdo: \(message) — reported as an unreadable host")
                unreadable.append(host.result)
            } else {
                hosts.append(host.result)
                if let extra = host.extras { extras.append(extra) }
            }
        }
        logger.info("evaluated \(hosts.count) snapshots in \(Self.seconds(since: evaluationStart)) s")
        // After the readable hosts, so that history's per-host extras stay in step with them.
        hosts += unreadable
        var result = ScanAssembler.assemble(
            hosts, ruleSet: loaded, organisation: config.organisation ?? .unspecified, startedAt: clock.startedAt,
            now: clock.finished(), asOf: clock.asOf, systems: config.systems)
        if let historyPath {
            // The report's summary (all findings sorted, item verdicts) does not depend on the history: derive it
            // on another core while this one records the scan. The copy shares the result's memo.
            let derived = result
            let summarised = DispatchGroup()
            DispatchQueue.global(qos: .userInitiated).async(group: summarised) { _ = derived.summary }
            defer { summarised.wait() }
            let recorder = try HistoryRecorder(
                path: historyPath, retention: config.retention, logger: logger)
            let recordStart = DispatchTime.now()
            try recorder.record(&result, command: "evaluate", extras: extras)
            logger.info("history recorded in \(Self.seconds(since: recordStart)) s")
        }
        let stem =
            name
            ?? (hosts.count == 1
                ? ReportWriter.stem(host: hosts[0].host, date: clock.now)
                : "fleet-" + CapdoDate.day(clock.now))
        let reportStart = DispatchTime.now()
        defer { logger.info("reports written in \(Self.seconds(since: reportStart)) s") }
        try session.finish(result, stem: stem)
    }

    /// Seconds since `start`, to the millisecond.
    static func seconds(since start: DispatchTime) -> Double {
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

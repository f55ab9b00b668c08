import CapdoCore
import CapdoRules
import Foundation

/// `capdo scan`: gather one host's facts, judge them, record them in the history. Every error is a `CapdoError`.
public enum HostScan {
    /// The result of scanning the host `facts` names and the report file stem; `warn` hears warnings (rule files
    /// skipped, collector errors unless `--quiet`, a capture's warnings).
    public static func run(
        _ facts: FactChoice, ruleSet: RuleSetChoice, history: HistoryChoice, session: ReportSession,
        warn: @escaping @Sendable (String) -> Void
    ) async throws -> (result: ScanResult, stem: String) {
        let config = session.config
        let clock = session.clock
        let runLock = try history.takeLock(config)
        defer { withExtendedLifetime(runLock) {} }

        let rootPath = try facts.rootPath(config)
        try SafetyGuard.refuseWritingInside(root: rootPath, output: session.outputDirectory)
        // Collect while the rule files are parsed: the two are independent and each takes about 100 ms.
        async let collected = HostFacts.gather(facts, root: rootPath, config: config, clock: clock, warn: warn)
        let loaded = try ruleSet.load(config: config, warn: warn)
        let snapshot = try await collected
        for issue in snapshot.issues where issue.level == .error && !session.choice.quiet {
            warn("warning: \(issue.collector): \(issue.description)")
        }

        let historyPath = history.databasePath(config)
        var (result, extras) = try ScanAssembler.evaluate(
            [snapshot], ruleSet: loaded, organisation: session.organisation, startedAt: clock.now,
            now: clock.finished(), asOf: clock.asOf, systems: config.systems, history: historyPath != nil)
        if let path = historyPath {
            let recorder = try HistoryRecorder(
                path: path, retention: config.retention, logger: CapdoLog.logger(quiet: session.choice.quiet))
            try recorder.record(&result, command: "scan", extras: extras)
        }
        return (result, ReportWriter.stem(host: snapshot.hostName, date: clock.now))
    }
}

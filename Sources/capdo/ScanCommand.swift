import ArgumentParser
import CapdoCore
import CapdoReport
import CapdoRules
import Foundation

/// `capdo scan`: collect facts from this machine (or a root), judge them, write the reports.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan this machine (or a filesystem root) with the level-2 profile and write the reports.",
        discussion: """
            With no arguments: scans this machine with the built-in level-2 profile and writes
            Reports/<host>-<date>.html, .md and .json. With --root DIR everything (packages included) is read
            from DIR and nothing from the running system; nothing is ever written under the scanned root.

            Examples:
              capdo scan
              capdo scan --root Samples/hosts/ws-neglected --lang en --format md
              capdo scan --pcap ward-lan.pcapng            # also the LAN section and network rules
              capdo scan --config /etc/capdo/capdo.yaml --waivers /etc/capdo/waivers.yaml --quiet
              capdo scan --root /tmp/srv-hardened --as-of 2026-11-28    # ages as of that date

            `capdo collect` with the same fact options writes exactly the facts this command judges, and \
            `capdo evaluate` of that snapshot gives the same findings.
            """)

    @OptionGroup var facts: FactOptions
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
        let runLock = try historyOptions.lockPath(config).map(RunLock.init(path:))
        defer { withExtendedLifetime(runLock) {} }

        let rootPath = try facts.rootPath(config)
        try SafetyGuard.refuseWritingInside(root: rootPath, output: session.outputDirectory)
        // Collect while the rule files are parsed: the two are independent and each takes about 100 ms.
        async let collected = HostFacts.gather(facts, root: rootPath, config: config, clock: clock)
        let loaded = try ruleSet.loadRuleSet(config: config, warn: Console.warn)
        let snapshot = try await collected
        for issue in snapshot.issues where issue.level == .error && !report.quiet {
            Console.warn("warning: \(issue.collector): \(issue.description)")
        }

        let historyPath = historyOptions.databasePath(config)
        var (result, extras) = try ScanAssembler.evaluate(
            [snapshot], ruleSet: loaded, organisation: config.organisation ?? .unspecified, startedAt: clock.startedAt,
            now: clock.finished(), asOf: clock.asOf, systems: config.systems, history: historyPath != nil)
        if let path = historyPath {
            let recorder = try HistoryRecorder(
                path: path, retention: config.retention, logger: CapdoLog.logger(quiet: report.quiet))
            try recorder.record(&result, command: "scan", extras: extras)
        }
        try session.finish(result, stem: ReportWriter.stem(host: snapshot.hostName, date: clock.now))
    }
}

import ArgumentParser
import CapdoCore
import CapdoReport
import Foundation

/// `capdo evaluate`: judge snapshots collected elsewhere, into one report.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate snapshot files (or folders of them) into one aggregated report.",
        discussion: """
            A snapshot that cannot be read is reported and skipped; the others are still evaluated.

            Examples:
              capdo evaluate srv01.json pc-motcua-03.json
              capdo evaluate /srv/capdo/snapshots --lang en --output /srv/capdo/reports
            """)

    @Argument(help: "Snapshot JSON files or folders holding them.")
    var snapshots: [String]

    @Option(name: .long, help: "Report file name stem (default: the host name, or fleet-<date> for several hosts).")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Evaluate as of this time (ISO 8601).", visibility: .hidden))
    var now: String?

    @OptionGroup var ruleSet: RuleSetOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var historyOptions: HistoryOptions

    func run() async throws {
        try await CLIError.reported { try await execute() }
    }

    func execute() async throws {
        let session = try ReportSession(ruleSet: ruleSet, report: report, now: now)
        let config = session.config
        let clock = session.clock
        let loaded = try ruleSet.loadRuleSet(config: config, warn: Console.warn)
        let runLock = try historyOptions.lockPath(config).map(RunLock.init(path:))
        defer { withExtendedLifetime(runLock) {} }
        let historyPath = historyOptions.databasePath(config)
        var loadedSnapshots: [HostSnapshot] = []
        var digests: [String] = []
        var unreadable = 0
        // Decode in parallel (JSON decoding is a third of a fleet evaluation), keep the given order.
        for outcome in SnapshotFile.readAll(Self.expand(snapshots), digest: historyPath != nil) {
            switch outcome {
            case .success(let read):
                loadedSnapshots.append(read.snapshot)
                digests.append(read.digest ?? "")
            case .failure(let error):
                Console.warn("capdo: \(error.description) — skipped")
                unreadable += 1
            }
        }
        guard !loadedSnapshots.isEmpty else {
            throw CLIError.scanner("no readable snapshot among the \(snapshots.count) given")
        }
        var result = await ScanAssembler.evaluate(
            loadedSnapshots, ruleSet: loaded, organisation: config.organisation ?? .unspecified,
            startedAt: clock.startedAt,
            now: clock.finished(), systems: config.systems)
        if let historyPath {
            let recorder = try HistoryRecorder(
                path: historyPath, retention: config.retention, logger: CapdoLog.logger(quiet: report.quiet))
            try recorder.record(
                &result, command: "evaluate", snapshots: loadedSnapshots, digests: digests, systems: config.systems)
        }
        let stem =
            name
            ?? (loadedSnapshots.count == 1
                ? ReportWriter.stem(host: loadedSnapshots[0].hostName, date: clock.now)
                : "fleet-" + CapdoDate.day(clock.now))
        try session.finish(result, stem: stem)
        if unreadable > 0 { throw ExitCodes.scannerError }
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

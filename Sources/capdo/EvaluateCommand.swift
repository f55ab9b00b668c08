import ArgumentParser
import CapdoApp
import CapdoCore
import Foundation

/// `capdo evaluate`: judge snapshots collected elsewhere, into one report.
struct EvaluateCommand: ParsableCommand {
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

    func run() throws {
        try ErrorReport.reported {
            let session = try report.session(config: ruleSet.config, asOf: asOf.asOf)
            let logger = CapdoLog.logger(quiet: report.quiet)
            if let tuning = AllocatorTuning.current { logger.info("allocator: \(AllocatorTuning.variable)=\(tuning)") }
            let (result, stem) = try FleetRun.run(
                snapshots, name: name, ruleSet: ruleSet.choice, history: historyOptions.choice, session: session,
                logger: logger, warn: Console.warn)
            let reportStart = DispatchTime.now()
            defer { logger.info("reports written in \(FleetRun.seconds(since: reportStart)) s") }
            try Console.finish(result, session: session, stem: stem)
        }
    }
}

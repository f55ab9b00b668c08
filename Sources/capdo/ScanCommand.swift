import ArgumentParser
import CapdoApp

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
        try await ErrorReport.reported {
            let session = try report.session(config: ruleSet.config, asOf: asOf.asOf)
            let (result, stem) = try await HostScan.run(
                facts.choice, ruleSet: ruleSet.choice, history: historyOptions.choice, session: session,
                warn: Console.warn)
            try Console.finish(result, session: session, stem: stem)
        }
    }
}

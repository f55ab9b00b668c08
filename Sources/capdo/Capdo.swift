import ArgumentParser
import CapdoCore

/// capdo: level-2 (cấp độ 2) security compliance scanner for Vietnamese ward information systems.
@main
struct Capdo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capdo",
        abstract: "Check hosts against the level-2 (cấp độ 2) security requirements and report with evidence.",
        discussion: """
            Exit codes: 0 compliant (no failing finding), 2 non-compliant, 1 scanner error, 3 another run holds the
            lock (nothing scanned), 64 usage error.

            Examples:
              capdo scan                                   # this machine, level-2 profile, Reports/<host>-<date>.*
              capdo scan --root /mnt/image --lang en       # a mounted image, English report
              capdo collect --output srv01.json            # facts only, evaluate elsewhere
              capdo evaluate snapshots/*.json              # one report over many hosts
              capdo lan --pcap ward-lan.pcapng             # LAN findings from a capture
              capdo rules test                             # run every rule's own examples
              capdo scan --history /var/lib/capdo/history.sqlite && capdo diff --history /var/lib/capdo/history.sqlite
            """,
        version: CapdoVersion.string,
        subcommands: [
            ScanCommand.self, LanCommand.self, CollectCommand.self, EvaluateCommand.self, TLSCommand.self,
            HistoryCommand.self, DiffCommand.self, ScheduleCommand.self, ConfigCommand.self, RulesCommand.self,
            VerifyCommand.self,
        ],
        defaultSubcommand: nil
    )

    static func main() async {
        AllocatorTuning.restartIfWorthwhile(CommandLine.arguments)
        await main(nil)
    }
}

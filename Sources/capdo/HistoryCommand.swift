import ArgumentParser
import CapdoCore
import CapdoHistory
import Foundation

/// `capdo history`: the scans recorded in the history database, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the scans recorded in the history database, newest first.",
        discussion: """
            Examples:
              capdo history --history /var/lib/capdo/history.sqlite
              capdo history --config /etc/capdo/capdo.yaml --host pc-motcua-03
            """)

    @Option(name: .long, help: "Only scans that include this host.")
    var host: String?

    @Option(name: .long, help: "Only scans of this information system (capdo.yaml systems[].name).")
    var system: String?

    @Option(name: .long, help: "How many scans to list.")
    var limit = 20

    @OptionGroup var database: HistoryDatabaseOptions

    func run() throws {
        try ErrorReport.reported {
            let store = try database.open()
            let scans = try store.scans(host: host, system: system, limit: limit)
            if scans.isEmpty {
                print("No scans recorded in \(store.path)\(host.map { " for host \($0)" } ?? "").")
                return
            }
            print("   #  finished              command   hosts  score   pass  fail  warn  error  profile")
            for scan in scans {
                let score = scan.score.map { String(format: "%5.1f%%", $0) } ?? "    – "
                print(
                    pad(String(scan.id), 4) + "  "
                        + CapdoDate.iso8601(scan.finishedAt).padding(toLength: 20, withPad: " ", startingAt: 0)
                        + "  " + scan.command.padding(toLength: 8, withPad: " ", startingAt: 0)
                        + pad(String(scan.hostCount), 6)
                        + "  " + score + pad(String(scan.pass), 6) + pad(String(scan.fail), 6)
                        + pad(String(scan.warn), 6)
                        + pad(String(scan.error), 7) + "  " + scan.profile)
            }
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

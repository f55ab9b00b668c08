import ArgumentParser
import CapdoApp
import CapdoCore
import CapdoHistory

/// `capdo diff`: what changed between two recorded scans (findings, then ports, services and packages).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "Show what changed between two recorded scans: new, resolved and changed findings; ports, services, packages.",
        discussion: """
            With no scan ids: the latest scan against the one before it (of the same host with --host).
            With one id: that scan against the latest. Lines read like ndiff: '+' appeared, '-' disappeared,
            '~' changed.

            Examples:
              capdo diff --history /var/lib/capdo/history.sqlite
              capdo diff 12 15 --history history.sqlite --host pc-motcua-03
            """)

    @Argument(help: "Earlier scan id (default: the scan before B).")
    var a: Int64?

    @Argument(help: "Later scan id (default: the latest).")
    var b: Int64?

    @Option(name: .long, help: "Only this host.")
    var host: String?

    @OptionGroup var database: HistoryDatabaseOptions

    @Option(name: .long, help: "Language of titles: vi (default) or en.")
    var lang: String?

    func run() throws {
        try ErrorReport.reported {
            let store = try database.open()
            let language = lang.flatMap(Language.init(rawValue:)) ?? .vi
            let (from, to) = try pick(store)
            let changes = try HistoryComparer(store: store).diff(from: from, to: to, host: host)
            print(DiffText.render(changes, from: from, to: to, language: language), terminator: "")
        }
    }

    private func pick(_ store: HistoryStore) throws(CapdoError) -> (Int64, Int64) {
        let recent = try store.scans(host: host, limit: 2)
        guard let latest = recent.first else { throw CapdoError(.usage, "no scans recorded in \(store.path)") }
        let to = b ?? latest.id
        if let a {
            for id in [a, to] where try store.scan(id: id) == nil {
                throw CapdoError(.usage, "no scan #\(id) in \(store.path); see 'capdo history'")
            }
            return (a, to)
        }
        guard recent.count == 2 else { throw CapdoError(.usage, "only one scan recorded; nothing to compare yet") }
        return (recent[1].id, to)
    }
}

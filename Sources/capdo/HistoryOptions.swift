import ArgumentParser
import CapdoRules

/// Options for the history database and the run lock.
struct HistoryOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "History database (SQLite). Records this run and adds the changes section (default: capdo.yaml 'history:'; off when neither)."
    )
    var history: String?

    @Option(
        name: .long, help: "Lock file so scheduled runs never overlap (default: <history>.lock). A second run exits 3.")
    var lock: String?

    /// The database path, from the flag or the configuration; nil when history is off.
    func databasePath(_ config: CapdoConfig) -> String? { history ?? config.history }

    /// The lock file path: the flag, else next to the history database; nil when neither.
    func lockPath(_ config: CapdoConfig) -> String? { lock ?? databasePath(config).map { $0 + ".lock" } }
}

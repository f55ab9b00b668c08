import ArgumentParser
import CapdoApp
import CapdoHistory

/// `--config` and `--history` of the commands that read the history database (`history`, `diff`).
struct HistoryDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (capdo.yaml) naming the history database.")
    var config: String?

    @Option(name: .long, help: "History database (SQLite).")
    var history: String?

    func open() throws -> HistoryStore { try HistoryAccess.open(history: history, config: config) }
}

import ArgumentParser
import CapdoApp

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

    var choice: HistoryChoice { HistoryChoice(history: history, lock: lock) }
}

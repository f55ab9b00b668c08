import CapdoCore
import CapdoRules

/// The history database and run lock of a run (`--history`, `--lock`).
public struct HistoryChoice: Sendable {
    public var history: String?
    public var lock: String?

    public init(history: String? = nil, lock: String? = nil) {
        self.history = history
        self.lock = lock
    }

    /// The database path, from the flag or the configuration; nil when history is off.
    func databasePath(_ config: CapdoConfig) -> String? { history ?? config.history }

    /// The lock file path: the flag, else next to the history database; nil when neither.
    func lockPath(_ config: CapdoConfig) -> String? { lock ?? databasePath(config).map { $0 + ".lock" } }

    /// Takes the run lock when there is one to take; it is held until the returned value is released.
    func takeLock(_ config: CapdoConfig) throws(CapdoError) -> RunLock? {
        guard let path = lockPath(config) else { return nil }
        return try RunLock(path: path)
    }
}

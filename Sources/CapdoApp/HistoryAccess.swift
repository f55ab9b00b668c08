import CapdoCore
import CapdoHistory
import CapdoRules
import Foundation

/// Opens the history database for the read commands (`history`, `diff`).
public enum HistoryAccess {
    public static func open(history: String?, config: String?) throws(CapdoError) -> HistoryStore {
        let configured = try config.flatMap { (path) throws(CapdoError) in try RuleSetChoice.loadConfig(path).history }
        guard let path = history ?? configured else {
            throw CapdoError(
                .usage, "no history database: pass --history FILE or set 'history:' in capdo.yaml (--config)")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CapdoError(.usage, "no history database at '\(path)' yet; run 'capdo scan --history \(path)' first")
        }
        return try HistoryStore(path: path)
    }
}

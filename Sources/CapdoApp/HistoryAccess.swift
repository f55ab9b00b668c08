import CapdoHistory
import CapdoRules
import Foundation

/// Opens the history database for the read commands (`history`, `diff`).
enum HistoryAccess {
    static func open(history: String?, config: String?) throws -> HistoryStore {
        var configured: String?
        if let config {
            do { configured = try CapdoConfigLoader.load(path: config).history } catch {
                throw CLIError.usage(error.description)
            }
        }
        guard let path = history ?? configured else {
            throw CLIError.usage("no history database: pass --history FILE or set 'history:' in capdo.yaml (--config)")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.usage("no history database at '\(path)' yet; run 'capdo scan --history \(path)' first")
        }
        do { return try HistoryStore(path: path) } catch { throw CLIError.scanner(error.description) }
    }
}

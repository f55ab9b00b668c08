import CapdoCore
import Foundation

/// The clock of one command: real time, or a fixed `--now` for reproducible reports.
struct CommandClock {
    let now: Date
    let startedAt: Date
    let fixed: Bool

    init(_ fixedTime: String?) throws {
        if let fixedTime {
            guard let date = CapdoDate.parse(fixedTime) else { throw CLIError.usage("--now must be an ISO 8601 time") }
            now = date
            startedAt = date
            fixed = true
        } else {
            now = Date()
            startedAt = now
            fixed = false
        }
    }

    /// The finishing time: the fixed time, or the real time now.
    func finished() -> Date { fixed ? now : Date() }
}

import CapdoCore
import Foundation

/// The clock of one command: real time, or a fixed `--now` for reproducible reports; and `--as-of`, the time the
/// rules judge ages against instead (stated in the report). Facts are always read as of the clock.
public struct CommandClock: Sendable {
    /// When the command started: the fixed `--now`, or the real time at start.
    public let now: Date
    public let fixed: Bool
    /// `--as-of`: the time signature, list, log, backup and certificate ages are judged against instead of now.
    public let asOf: Date?

    public init(_ fixedTime: String?, asOf asOfText: String? = nil) throws(CapdoError) {
        if let fixedTime {
            guard let date = CapdoDate.parse(fixedTime) else {
                throw CapdoError(.usage, "--now must be an ISO 8601 time")
            }
            now = date
            fixed = true
        } else {
            now = Date()
            fixed = false
        }
        if let asOfText {
            guard let date = CapdoDate.parse(asOfText) else {
                throw CapdoError(
                    .usage, "--as-of must be an ISO 8601 date or time (2026-11-28 or 2026-11-28T09:00:00Z)")
            }
            asOf = date
        } else {
            asOf = nil
        }
    }

    /// The finishing time: the fixed time, or the real time now.
    public func finished() -> Date { fixed ? now : Date() }

    /// The rules' "now" at the end of a run: `--as-of` when given, else the finishing time.
    public func judgedAt() -> Date { asOf ?? finished() }
}

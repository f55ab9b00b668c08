import CapdoCore
import Foundation

/// One recorded scan as `capdo history` lists it.
public struct ScanRecord: Sendable, Equatable {
    public var id: Int64
    public var command: String
    public var startedAt: Date
    public var finishedAt: Date
    public var profile: String
    public var ruleSetVersion: String
    public var hostCount: Int
    public var pass: Int
    public var fail: Int
    public var warn: Int
    public var error: Int

    public init(
        id: Int64, command: String, startedAt: Date, finishedAt: Date, profile: String, ruleSetVersion: String,
        hostCount: Int, pass: Int, fail: Int, warn: Int, error: Int
    ) {
        self.id = id
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.profile = profile
        self.ruleSetVersion = ruleSetVersion
        self.hostCount = hostCount
        self.pass = pass
        self.fail = fail
        self.warn = warn
        self.error = error
    }

    /// The overall score (pass + ½·warn over judged), nil when nothing was judged.
    public var score: Double? { TrendPoint.score(pass: pass, warn: warn, fail: fail) }
}

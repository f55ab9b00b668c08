import Foundation

/// The compliance score per requirement group in one recorded scan (for the trend chart).
public struct TrendPoint: Codable, Sendable, Equatable {
    public var scanID: Int64
    public var finishedAt: Date
    /// 0…100 per group; groups with nothing judged are absent.
    public var scores: [RequirementGroup: Double]

    public init(scanID: Int64, finishedAt: Date, scores: [RequirementGroup: Double]) {
        self.scanID = scanID
        self.finishedAt = finishedAt
        self.scores = scores
    }

    enum CodingKeys: String, CodingKey {
        case scanID = "scan_id"
        case finishedAt = "finished_at"
        case scores
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scanID = try container.decode(Int64.self, forKey: .scanID)
        finishedAt = try container.decode(Date.self, forKey: .finishedAt)
        let raw = try container.decode([String: Double].self, forKey: .scores)
        var scores: [RequirementGroup: Double] = [:]
        for (key, value) in raw { if let group = RequirementGroup(rawValue: key) { scores[group] = value } }
        self.scores = scores
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scanID, forKey: .scanID)
        try container.encode(finishedAt, forKey: .finishedAt)
        var raw: [String: Double] = [:]
        for (group, value) in scores { raw[group.rawValue] = value }
        try container.encode(raw, forKey: .scores)
    }

    /// Score as pass + ½·warn over pass + warn + fail, the same formula as `ScanSummary`.
    public static func score(pass: Int, warn: Int, fail: Int) -> Double? {
        let judged = pass + warn + fail
        return judged == 0 ? nil : (Double(pass) + 0.5 * Double(warn)) / Double(judged) * 100
    }
}

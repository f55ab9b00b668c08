/// The verdict of one rule on one host.
public enum FindingStatus: String, Codable, Sendable, CaseIterable {
    case pass, fail, warn, error
    case notApplicable = "not_applicable"
    case manual, waived

    /// Order used in summaries: the statuses that need action first.
    public var rank: Int {
        switch self {
        case .fail: return 0
        case .error: return 1
        case .warn: return 2
        case .manual: return 3
        case .waived: return 4
        case .pass: return 5
        case .notApplicable: return 6
        }
    }
}

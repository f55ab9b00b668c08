/// The verdict of one rule on one host.
public enum FindingStatus: String, Codable, Sendable, CaseIterable {
    case pass, fail, warn, error
    /// The host lacks what the rule is about (no nginx installed, not a Windows PC).
    case notApplicable = "not_applicable"
    /// The facts the rule needs were not collected (no capture, no TLS probe, an offline root without runtime facts),
    /// or what was collected cannot prove the absence the rule looks for.
    case notAssessed = "not_assessed"
    case manual, waived

    /// Order used in summaries: the statuses that need action first.
    public var rank: Int {
        switch self {
        case .fail: return 0
        case .error: return 1
        case .warn: return 2
        case .manual: return 3
        case .waived: return 4
        case .notAssessed: return 5
        case .pass: return 6
        case .notApplicable: return 7
        }
    }
}

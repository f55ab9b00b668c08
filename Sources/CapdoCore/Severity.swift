/// How bad a failing rule is.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case critical, high, medium, low, info

    /// 0 for critical … 4 for info: the sort order of every report.
    public var rank: Int {
        switch self {
        case .critical: return 0
        case .high: return 1
        case .medium: return 2
        case .low: return 3
        case .info: return 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

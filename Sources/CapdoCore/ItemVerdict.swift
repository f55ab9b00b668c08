/// How well one Phụ lục II item is met, from its rules' findings.
public enum ItemVerdict: String, Codable, Sendable, CaseIterable {
    case met
    case partlyMet = "partly_met"
    case notMet = "not_met"
    case manual
    case notAssessed = "not_assessed"

    public var title: LocalizedText {
        switch self {
        case .met: return LocalizedText(vi: "Đáp ứng", en: "Met")
        case .partlyMet: return LocalizedText(vi: "Đáp ứng một phần", en: "Partly met")
        case .notMet: return LocalizedText(vi: "Chưa đáp ứng", en: "Not met")
        case .manual: return LocalizedText(vi: "Cần xác nhận thủ công", en: "Needs attestation")
        case .notAssessed: return LocalizedText(vi: "Chưa đánh giá", en: "Not assessed")
        }
    }

    /// Combines the statuses of an item's findings.
    public static func from(statuses: [FindingStatus], coverage: ControlItem.Coverage) -> ItemVerdict {
        let judged = statuses.filter { $0 != .notApplicable }
        if judged.isEmpty { return coverage == .manual ? .manual : .notAssessed }
        let passes = judged.filter { $0 == .pass || $0 == .waived }.count
        let fails = judged.filter { $0 == .fail }.count
        let warns = judged.filter { $0 == .warn || $0 == .error }.count
        let manuals = judged.filter { $0 == .manual }.count
        if fails > 0 { return passes > 0 || warns > 0 ? .partlyMet : .notMet }
        if warns > 0 { return .partlyMet }
        if manuals > 0 { return passes > 0 ? .partlyMet : .manual }
        return coverage == .manual ? .manual : (coverage == .partial ? .partlyMet : .met)
    }
}

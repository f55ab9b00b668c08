/// How well one Phụ lục II item is met, from its rules' findings.
public enum ItemVerdict: String, Codable, Sendable, CaseIterable {
    case met
    case partlyMet = "partly_met"
    case notMet = "not_met"
    case manual
    case notAssessed = "not_assessed"
    /// Every rule of the item reported that the host lacks what it is about (an Apache item on an nginx host).
    case notApplicable = "not_applicable"

    public var title: LocalizedText {
        switch self {
        case .met: return LocalizedText(vi: "Đáp ứng", en: "Met")
        case .partlyMet: return LocalizedText(vi: "Đáp ứng một phần", en: "Partly met")
        case .notMet: return LocalizedText(vi: "Chưa đáp ứng", en: "Not met")
        case .manual: return LocalizedText(vi: "Cần xác nhận thủ công", en: "Awaiting attestation")
        case .notAssessed: return LocalizedText(vi: "Chưa đánh giá", en: "Not assessed")
        case .notApplicable: return LocalizedText(vi: "Không áp dụng", en: "Not applicable")
        }
    }

    /// True when the item counts as done in the conclusion: met, or truly not applicable (waived findings count as
    /// met, since a waiver is an approved decision about the item).
    public var isSettled: Bool { self == .met || self == .notApplicable }

    /// Order in which the conclusion lists verdicts: what needs action first.
    public var rank: Int {
        switch self {
        case .notMet: return 0
        case .partlyMet: return 1
        case .manual: return 2
        case .notAssessed: return 3
        case .met: return 4
        case .notApplicable: return 5
        }
    }

    /// Combines the statuses of an item's findings.
    ///
    /// Anything failed makes the item not met (partly met when something else of it passed); a warning or a
    /// collection error makes it partly met; an attestation still missing makes it await attestation; checks that
    /// could not be assessed leave it partly met when the rest passed, not assessed otherwise. Only an item whose every
    /// judged finding passed (or is waived) is met, and only when its rules cover it fully: a `partial` item is met in
    /// part, and a `manual` item without a passing attestation rule awaits attestation.
    public static func from(statuses: [FindingStatus], coverage: ControlItem.Coverage) -> ItemVerdict {
        let judged = statuses.filter { $0 != .notApplicable }
        if judged.isEmpty {
            if !statuses.isEmpty { return .notApplicable }
            return coverage == .manual ? .manual : .notAssessed
        }
        var passes = 0
        var fails = 0
        var warns = 0
        var manuals = 0
        var unassessed = 0
        for status in judged {
            switch status {
            case .pass, .waived: passes += 1
            case .fail: fails += 1
            case .warn, .error: warns += 1
            case .manual: manuals += 1
            case .notAssessed: unassessed += 1
            case .notApplicable: break
            }
        }
        if fails > 0 { return passes + warns + manuals > 0 ? .partlyMet : .notMet }
        if warns > 0 { return .partlyMet }
        if manuals > 0 { return .manual }
        if unassessed > 0 { return passes > 0 ? .partlyMet : .notAssessed }
        return coverage == .partial ? .partlyMet : .met
    }
}

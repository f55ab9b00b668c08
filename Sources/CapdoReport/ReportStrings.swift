import CapdoCore
import Foundation

/// The catalogue bound to one language, with the labels and date formats every renderer shares.
public struct ReportStrings: Sendable {
    public let language: Language

    /// Dates in reports are shown in Viet Nam time (UTC+07:00, no daylight saving), where the report is signed.
    static let timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    public init(_ language: Language) {
        self.language = language
    }

    public subscript(_ key: ReportString) -> String {
        key.text.text(language)
    }

    /// Fills `{0}`, `{1}`… in the template with `arguments`, left to right.
    public func format(_ key: ReportString, _ arguments: String...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    public func status(_ status: FindingStatus) -> String {
        switch status {
        case .pass: return self[.statusPass]
        case .fail: return self[.statusFail]
        case .warn: return self[.statusWarn]
        case .error: return self[.statusError]
        case .notApplicable: return self[.statusNotApplicable]
        case .manual: return self[.statusManual]
        case .waived: return self[.statusWaived]
        }
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return self[.severityCritical]
        case .high: return self[.severityHigh]
        case .medium: return self[.severityMedium]
        case .low: return self[.severityLow]
        case .info: return self[.severityInfo]
        }
    }

    public func outcome(_ outcome: Evidence.Outcome) -> String {
        switch outcome {
        case .pass: return self[.outcomePass]
        case .fail: return self[.outcomeFail]
        case .unknown: return self[.outcomeUnknown]
        }
    }

    public func coverage(_ coverage: ControlItem.Coverage) -> String {
        switch coverage {
        case .automated: return self[.coverageAutomated]
        case .partial: return self[.coveragePartial]
        case .manual: return self[.coverageManual]
        }
    }

    /// The overall verdict sentence for `ScanSummary.overall` (`fail`, `warn` or `pass`).
    public func overall(_ status: FindingStatus) -> String {
        switch status {
        case .fail: return self[.overallFail]
        case .warn, .error: return self[.overallWarn]
        default: return self[.overallPass]
        }
    }

    public func verdict(_ verdict: ItemVerdict) -> String { verdict.title.text(language) }

    public func group(_ group: RequirementGroup) -> String { group.title.text(language) }

    public func issueLevel(_ level: CollectionIssue.Level) -> String {
        switch level {
        case .error: return self[.issueLevelError]
        case .warning: return self[.issueLevelWarning]
        case .unreadable: return self[.issueLevelUnreadable]
        }
    }

    /// A threshold source: `proposal` is translated, a regulation id is shown as written.
    public func thresholdSource(_ source: String) -> String {
        source.lowercased() == "proposal" ? self[.sourceProposal] : source
    }

    /// "Ngày 29 tháng 11 năm 2026" / "Date: 2026-11-29".
    public func documentDate(_ date: Date) -> String {
        let parts = Self.components(date)
        return format(.dateLine, Self.pad(parts.day), Self.pad(parts.month), String(parts.year))
    }

    /// `2026-11-29 22:10 (giờ Việt Nam, UTC+07:00)` without the zone note; see `timeZoneNote`.
    public func timestamp(_ date: Date) -> String {
        let parts = Self.components(date)
        return "\(parts.year)-\(Self.pad(parts.month))-\(Self.pad(parts.day)) "
            + "\(Self.pad(parts.hour)):\(Self.pad(parts.minute))"
    }

    /// `2026-11-29` in Viet Nam time.
    public func day(_ date: Date) -> String {
        String(timestamp(date).prefix(10))
    }

    /// `5 Đạt, 3 Không đạt, …` for every status with a non-zero count, in `FindingStatus.rank` order.
    public func countsSentence(_ counts: [FindingStatus: Int]) -> String {
        FindingStatus.allCases.sorted { $0.rank < $1.rank }
            .compactMap { status in
                let count = counts[status] ?? 0
                return count == 0 ? nil : "\(count) \(self.status(status))"
            }
            .joined(separator: ", ")
    }
}

private extension ReportStrings {
    struct Parts {
        var year, month, day, hour, minute: Int
    }

    static func components(_ date: Date) -> Parts {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return Parts(
            year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0, minute: c.minute ?? 0)
    }

    static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

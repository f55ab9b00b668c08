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

    /// Fills `{0}`, `{1}`… in the template with `arguments`, left to right; `{0|host|hosts}` is the singular when
    /// argument 0 is `1` and the plural otherwise (English templates; Vietnamese nouns do not change).
    public func format(_ key: ReportString, _ arguments: String...) -> String {
        Self.fill(self[key], arguments)
    }

    /// `template` with `{0}`, `{1}`… replaced by `arguments` and `{0|one|many}` chosen by argument 0: the one way
    /// every catalogue (`ReportString`, `DocumentString`, `FleetString`, `LanString`) fills its templates.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        var text = plurals(template, arguments)
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
        case .notAssessed: return self[.statusNotAssessed]
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

    public func verdict(_ verdict: ItemVerdict) -> String { verdict.title.text(language) }

    /// How strongly a rule covers an item: "tự động", "một phần", "chứng thực".
    public func strength(_ strength: CoverageStrength) -> String {
        switch strength {
        case .automated: return self[.strengthAutomated]
        case .partial: return self[.strengthPartial]
        case .attestation: return self[.strengthAttestation]
        }
    }

    /// A TCVN 11930 clause, marked when it is inferred rather than stated by the annex: "6.2.1.1 (suy ra …)".
    public func clause(_ clause: String?, inferred: Bool) -> String {
        guard let clause else { return "–" }
        return inferred ? "\(clause) (\(self[.clauseInferred]))" : clause
    }

    public func group(_ group: RequirementGroup) -> String { group.title.text(language) }

    public func issueLevel(_ level: CollectionIssue.Level) -> String {
        switch level {
        case .error: return self[.issueLevelError]
        case .warning: return self[.issueLevelWarning]
        case .unreadable: return self[.issueLevelUnreadable]
        }
    }

    /// A threshold source in words: `proposal` and `none` are explained, the unconfirmed new-regime texts
    /// (TCVN 14423:2026, NĐ 331/2026) are marked "tham chiếu — chưa xác minh", known ids are named in full, other ids
    /// are shown as written; `proposal+TCVN14423` (a figure taken from one text and applied where it does not bind)
    /// shows each part.
    public func thresholdSource(_ source: String) -> String {
        let parts = source.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 1 {
            switch parts[0].lowercased() {
            case "proposal": return self[.sourceProposal]
            case "none": return self[.sourceNone]
            default: break
            }
        }
        return parts.map { part in
            switch part.lowercased() {
            case "proposal": return self[.sourceProposalPart]
            case "tcvn14423": return "\(self[.refTCVN14423]) (\(self[.sourceUnverified]))"
            case "nd331": return "\(self[.refND331]) (\(self[.sourceUnverified]))"
            case "tt09-nhnn": return self[.sourceTT09]
            default: return part
            }
        }.joined(separator: "; ")
    }

    /// `{N|singular|plural}` tokens replaced by the form that fits argument N.
    static func plurals(_ template: String, _ arguments: [String]) -> String {
        guard template.contains("|") else { return template }
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let token = rest[rest.index(after: open)..<close]
            let parts = token.split(separator: "|", omittingEmptySubsequences: false)
            if parts.count == 3, let index = Int(parts[0]), arguments.indices.contains(index) {
                output += arguments[index] == "1" ? parts[1] : parts[2]
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// "Ngày 29 tháng 11 năm 2026" / "Date: 2026-11-29".
    public func documentDate(_ date: Date) -> String {
        let parts = Self.components(date)
        return format(.dateLine, Self.pad(parts.day), Self.pad(parts.month), String(parts.year))
    }

    /// `29/11/2026 22:10:05` (Vietnamese) or `2026-11-29 22:10:05` (English), in Viet Nam time, to the second (switch
    /// and DHCP logs are matched to the second); the zone is stated once per report (`timeZoneNote`).
    public func timestamp(_ date: Date) -> String {
        let parts = Self.components(date)
        return day(parts) + " \(Self.pad(parts.hour)):\(Self.pad(parts.minute)):\(Self.pad(parts.second))"
    }

    /// `29/11/2026` (Vietnamese, as administrative documents write dates) or `2026-11-29` (English), Viet Nam time.
    public func day(_ date: Date) -> String {
        day(Self.components(date))
    }

    /// The date part of `parts` in the report language's form.
    private func day(_ parts: Parts) -> String {
        language == .vi
            ? "\(Self.pad(parts.day))/\(Self.pad(parts.month))/\(parts.year)"
            : "\(parts.year)-\(Self.pad(parts.month))-\(Self.pad(parts.day))"
    }

    /// "từ A đến B", or "lúc A" when both ends fall in the same second.
    public func window(_ start: Date, _ end: Date) -> String {
        let from = timestamp(start)
        let to = timestamp(end)
        return from == to ? format(.timeInstant, from) : format(.timeRange, from, to)
    }

    /// The conclusion's headline over the items: compliant, or how many of how many items are met.
    public func conclusionHeadline(_ conclusion: ScanSummary.Conclusion) -> String {
        let total = conclusion.counts.values.reduce(0, +)
        if conclusion.compliant { return format(.conclusionCompliant, String(total)) }
        return format(.conclusionNotYet, String(conclusion.counts[.met] ?? 0), String(total))
    }

    /// "Theo mục: 7 đáp ứng, 4 đáp ứng một phần, …": every verdict present, in the order of `ItemVerdict`.
    public func conclusionItemCounts(_ conclusion: ScanSummary.Conclusion) -> String {
        let parts = ItemVerdict.allCases.compactMap { verdict -> String? in
            let count = conclusion.counts[verdict] ?? 0
            return count == 0 ? nil : "\(count) \(self.verdict(verdict).lowercasedFirst())"
        }
        return format(.conclusionItemCounts, parts.joined(separator: ", "))
    }

    /// "Các mục chưa đạt: II.2 1.2.2 (chưa đáp ứng), …"; nil when every item is settled.
    public func conclusionOpenItems(_ conclusion: ScanSummary.Conclusion) -> String? {
        guard !conclusion.open.isEmpty else { return nil }
        let items = conclusion.open.map { "\($0.item) (\(verdict($0.verdict).lowercasedFirst()))" }
        return format(.conclusionOpenItems, items.joined(separator: ", "))
    }

    /// The line on the automated checks, which decide the exit code.
    public func conclusionChecks(_ counts: [FindingStatus: Int], exitCode: Int32) -> String {
        let failed = counts[.fail] ?? 0
        if exitCode == 1 { return format(.conclusionChecksUnreadable, String(failed), String(exitCode)) }
        return failed == 0
            ? format(.conclusionChecksPass, String(exitCode))
            : format(.conclusionChecksFail, String(failed), String(exitCode))
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
        var year, month, day, hour, minute, second: Int
    }

    static func components(_ date: Date) -> Parts {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return Parts(
            year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0, minute: c.minute ?? 0,
            second: c.second ?? 0)
    }

    static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

private extension String {
    /// The first letter lower-cased, for a label used inside a sentence ("Đáp ứng" → "đáp ứng").
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}

import CapdoCore

/// A finding's evidence as the lines a report shows: each check's sentence (`Evidence.text`, composed by the rule
/// engine), and the options of an `any:` check grouped under "Đạt khi có một trong các cách sau:" with the option
/// that decided marked, so that a met condition inside a failed finding reads as an option, not a contradiction.
/// The one place reporters get evidence lines from.
public enum EvidenceLines {
    /// Every line of `finding`'s evidence, in `language`.
    public static func lines(_ finding: Finding, language: Language) -> [EvidenceLine] {
        var lines: [EvidenceLine] = []
        var index = finding.evidence.startIndex
        let evidence = finding.evidence
        while index < evidence.endIndex {
            guard let group = evidence[index].alternative?.group else {
                lines.append(
                    EvidenceLine(
                        kind: .check, text: sentence(evidence[index], language), outcome: evidence[index].outcome,
                        depth: 0))
                index += 1
                continue
            }
            var end = index
            while end < evidence.endIndex, evidence[end].alternative?.group == group { end += 1 }
            lines += options(Array(evidence[index..<end]), language: language)
            index = end
        }
        return lines
    }

    /// The sentences a short note shows: checks on their own, and of each group only the option that decided it (all
    /// options when none did); those already said in `besides` (the finding's reason) are left out.
    public static func brief(_ finding: Finding, language: Language, besides: String? = nil) -> [String] {
        let decidedGroups = Set(
            finding.evidence.compactMap { $0.alternative?.decided == true ? $0.alternative?.group : nil })
        return finding.evidence.filter { item in
            guard let alternative = item.alternative, decidedGroups.contains(alternative.group) else { return true }
            return alternative.decided
        }.map { sentence($0, language) }.filter { text in
            guard let besides, let first = text.first else { return true }
            return !besides.contains(first.lowercased() + text.dropFirst()) && !besides.contains(text)
        }
    }

    /// The sentence of one row; rows recorded before sentences existed read as notation.
    public static func sentence(_ item: Evidence, _ language: Language) -> String {
        if let text = item.text { return text.text(language) }
        let place = item.location.map { " (\($0))" } ?? ""
        switch language {
        case .vi: return "\(item.subject): yêu cầu \(item.expected), thực tế \(item.found)\(place)"
        case .en: return "\(item.subject): expected \(item.expected), found \(item.found)\(place)"
        }
    }

    private static func options(_ rows: [Evidence], language: Language) -> [EvidenceLine] {
        var lines = [
            EvidenceLine(kind: .alternatives, text: Labels.alternatives.text(language), outcome: nil, depth: 0)
        ]
        var index = rows.startIndex
        while index < rows.endIndex {
            let option = rows[index].alternative?.option
            var end = index
            while end < rows.endIndex, rows[end].alternative?.option == option { end += 1 }
            let members = rows[index..<end]
            let head = members[members.startIndex].alternative
            let number = String(option ?? 0)
            let decided = head?.decided == true
            let mark = decided ? " " + Labels.decided.text(language) : ""
            if members.count == 1 {
                let label = Labels.option.text(language).replacingOccurrences(of: "{0}", with: number)
                lines.append(
                    EvidenceLine(
                        kind: .option, text: "\(label): \(sentence(members[members.startIndex], language))\(mark)",
                        outcome: head?.outcome ?? members[members.startIndex].outcome, depth: 1, decided: decided))
            } else {
                let label = Labels.optionAll.text(language).replacingOccurrences(of: "{0}", with: number + mark)
                lines.append(
                    EvidenceLine(kind: .option, text: label, outcome: head?.outcome, depth: 1, decided: decided))
                lines += members.map { item in
                    EvidenceLine(kind: .check, text: sentence(item, language), outcome: item.outcome, depth: 2)
                }
            }
            index = end
        }
        return lines
    }

    /// The fixed words of evidence lines (kept beside the code that places them).
    enum Labels {
        static let alternatives = LocalizedText(
            vi: "Đạt khi có một trong các cách sau:", en: "Passes when one of the following holds:")
        static let option = LocalizedText(vi: "Cách {0}", en: "Option {0}")
        static let optionAll = LocalizedText(
            vi: "Cách {0} — cần đủ các điều kiện sau:", en: "Option {0} — all of the following:")
        static let decided = LocalizedText(vi: "(cách này quyết định kết quả)", en: "(this option decided)")
    }
}

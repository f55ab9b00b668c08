import CapdoCore

/// The group scores as a text bar chart (for Markdown, in a code block): catalogue strings and numbers only.
enum ScoreChartText {
    static func render(_ groups: [ScanSummary.GroupScore], strings s: ReportStrings) -> String {
        let labels = groups.map { s.group($0.group) }
        let width = labels.map(\.count).max() ?? 0
        var text = ""
        for (group, label) in zip(groups, labels) {
            let padded = label + String(repeating: " ", count: width - label.count)
            if let score = group.score {
                let filled = Int((score / 5).rounded())
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
                let percent = String(ReportModel.percent(score))
                text += "\(padded)  \(bar) \(String(repeating: " ", count: 3 - percent.count))\(percent) %\n"
            } else {
                text += "\(padded)  \(String(repeating: "·", count: 20)) \(s[.notJudged])\n"
            }
        }
        return text
    }
}

import CapdoCore

/// The few lines `capdo scan` prints: overall status, counts, the worst findings, where the reports went.
///
/// Plain text; with `colour` the status words get ANSI colours. Host-derived text is stripped of control
/// characters so a hostile hostname cannot send escape sequences to the terminal.
public struct TerminalSummary: Sendable {
    public var language: Language
    public var colour: Bool
    /// How many findings to list.
    public var worstCount: Int

    public init(language: Language = .vi, colour: Bool = false, worstCount: Int = 5) {
        self.language = language
        self.colour = colour
        self.worstCount = worstCount
    }

    /// The summary text, ending with a newline; `reportPaths` are listed as given.
    public func render(_ result: ScanResult, reportPaths: [String] = []) -> String {
        let s = ReportStrings(language)
        let summary = result.summary
        var out = "\(clean(result.scanner.name)) \(clean(result.scanner.version)): "
        // The headline is the conclusion over the items; the colour follows the checks (which set the exit code).
        let tone: FindingStatus = summary.conclusion.compliant ? .pass : (summary.overall == .fail ? .fail : .manual)
        out += paint(s.conclusionHeadline(summary.conclusion), tone) + "\n"
        out += s.conclusionItemCounts(summary.conclusion) + "\n"
        out += s.conclusionChecks(summary.counts, exitCode: result.exitCode) + "\n"
        let counts = FindingStatus.allCases.sorted { $0.rank < $1.rank }
            .map { status in "\(s.status(status)) \(summary.counts[status] ?? 0)" }
        out += counts.joined(separator: " · ") + "\n"
        let worst = StatusOrder.findings(
            result.findingsInReportOrder, statuses: [.fail, .error, .warn], limit: worstCount)
        if worst.isEmpty {
            out += s[.terminalNoFindings] + "\n"
        } else {
            out += s[.terminalWorst] + "\n"
            for finding in worst {
                let label = "\(StatusMark.symbol(finding.status)) \(s.status(finding.status))"
                out += "  \(paint(label, finding.status)) [\(s.severity(finding.severity))] "
                out += "\(clean(finding.requirement.tt12)) \(clean(finding.ruleID)) \(s[.terminalOn]) "
                out += "\(clean(finding.host)): \(clean(finding.title.text(language)))\n"
            }
        }
        if !reportPaths.isEmpty {
            out += s[.terminalWritten] + "\n"
            for path in reportPaths { out += "  \(clean(path))\n" }
        }
        return out
    }
}

private extension TerminalSummary {
    func clean(_ text: String) -> String { HostileText.sanitize(text, keepNewlines: false) }

    func paint(_ text: String, _ status: FindingStatus) -> String {
        guard colour else { return text }
        let code: String
        switch status {
        case .fail: code = "1;31"
        case .error: code = "1;35"
        case .warn: code = "1;33"
        case .pass: code = "1;32"
        default: code = "1"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

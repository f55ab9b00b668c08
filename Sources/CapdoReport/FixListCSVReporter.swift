import CapdoCore

/// The fix list as CSV (`--format fixes-csv`, `<stem>.fixes.csv`): one row per finding needing action per host,
/// the fix for that host's OS in the report language, and empty `owner` and `deadline` columns to fill in.
///
/// RFC 4180 (CRLF, quoted fields); cells are sanitised and never start like a spreadsheet formula.
public struct FixListCSVReporter: Reporter {
    public let format = "fixes-csv"
    public let fileExtension = "fixes.csv"

    public init() {}

    /// The header row, in column order.
    public static let columns = [
        "number", "host", "os", "item", "rule_id", "severity", "status", "finding", "fix", "owner", "deadline",
    ]

    public func render(_ result: ScanResult, language: Language) -> String {
        let model = ReportModel(result, language: language)
        var csv = Self.columns.joined(separator: ",") + "\r\n"
        for (index, row) in FixList(model).rows.enumerated() {
            let cells = [
                String(index + 1), row.host, row.os ?? "", row.finding.requirement.tt12, row.finding.ruleID,
                row.finding.severity.rawValue, row.finding.status.rawValue, row.finding.title.text(language), row.fix,
                "", "",
            ]
            csv += cells.map { CSVEscaper.field(HostileText.sanitize($0)) }.joined(separator: ",") + "\r\n"
        }
        return csv
    }
}

import CapdoCore

/// The findings as CSV (RFC 4180: CRLF line ends, quoted fields), one row per finding, for spreadsheets.
///
/// Columns: `host,rule_id,tt12,tcvn11930,group,severity,status,title_vi,title_en,expected,found,location,
/// remediation_en`. A finding with several evidence items lists them one per line inside the quoted cell.
/// Host-derived text is sanitised (no control characters) and any cell that starts with `= + - @` gets a `'` so
/// that spreadsheets never evaluate it.
public struct CSVReporter: Reporter {
    public let format = "csv"
    public let fileExtension = "csv"

    public init() {}

    /// The header row, in column order.
    public static let columns = [
        "host", "rule_id", "tt12", "tcvn11930", "group", "severity", "status", "title_vi", "title_en", "expected",
        "found", "location", "remediation_en",
    ]

    public func render(_ result: ScanResult, language: Language) -> String {
        var csv = Self.columns.joined(separator: ",") + "\r\n"
        for finding in result.allFindings {
            csv += Self.cells(finding).map { CSVEscaper.field(HostileText.sanitize($0)) }.joined(separator: ",")
            csv += "\r\n"
        }
        return csv
    }

    /// The unescaped cells of one finding's row.
    static func cells(_ finding: Finding) -> [String] {
        [
            finding.host, finding.ruleID, finding.requirement.tt12, finding.requirement.tcvn11930,
            finding.group.rawValue, finding.severity.rawValue, finding.status.rawValue, finding.title.vi,
            finding.title.en, finding.evidence.map(\.expected).joined(separator: "\n"),
            finding.evidence.map(\.found).joined(separator: "\n"),
            finding.evidence.map { $0.location ?? "" }.joined(separator: "\n"), finding.remediation.en,
        ]
    }
}

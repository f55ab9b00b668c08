import CapdoCore

/// The LAN and TLS report for the ward Police as printable HTML (`--format police-html`, `<stem>.police.html`);
/// written only for a result with LAN facts or TLS endpoints.
public struct PoliceHTMLReporter: Reporter {
    public let format = "police-html"
    public let fileExtension = "police.html"

    public init() {}

    public func writes(_ result: ScanResult) -> Bool { PoliceReport.applies(to: result) }

    public func render(_ result: ScanResult, language: Language) -> String {
        HTMLDocumentWriter().write(PoliceReport(ReportModel(result, language: language)).document)
    }
}

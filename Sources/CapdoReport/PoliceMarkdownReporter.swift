import CapdoCore

/// The LAN and TLS report for the ward Police as Markdown (`--format police-md`, `<stem>.police.md`); written only
/// for a result with LAN facts or TLS endpoints.
public struct PoliceMarkdownReporter: Reporter {
    public let format = "police-md"
    public let fileExtension = "police.md"

    public init() {}

    public func writes(_ result: ScanResult) -> Bool { PoliceReport.applies(to: result) }

    public func render(_ result: ScanResult, language: Language) -> String {
        MarkdownDocumentWriter().write(PoliceReport(ReportModel(result, language: language)).document)
    }
}

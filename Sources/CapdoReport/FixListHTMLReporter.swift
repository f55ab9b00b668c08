import CapdoCore

/// The fix list as printable HTML (`--format fixes-html`, `<stem>.fixes.html`).
public struct FixListHTMLReporter: Reporter {
    public let format = "fixes-html"
    public let fileExtension = "fixes.html"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        HTMLDocumentWriter().write(FixList(ReportModel(result, language: language)).document)
    }
}

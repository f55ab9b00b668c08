import CapdoCore

/// The fix list as Markdown (`--format fixes-md`, `<stem>.fixes.md`).
public struct FixListMarkdownReporter: Reporter {
    public let format = "fixes-md"
    public let fileExtension = "fixes.md"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        MarkdownDocumentWriter().write(FixList(ReportModel(result, language: language)).document)
    }
}

import CapdoCore

/// The inspection report as Markdown that renders on any Git forge (CommonMark + GFM tables), with no raw HTML.
///
/// The same document as `HTMLReporter`, written and escaped by `MarkdownDocumentWriter`.
public struct MarkdownReporter: Reporter {
    public let format = "md"
    public let fileExtension = "md"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        MarkdownDocumentWriter().write(InspectionReport(ReportModel(result, language: language)).document)
    }
}

import CapdoCore

/// The printable inspection report: one self-contained HTML file (inline CSS and SVG, no script) laid out for A4.
///
/// The document is `InspectionReport`'s; `HTMLDocumentWriter` writes and escapes it.
public struct HTMLReporter: Reporter {
    public let format = "html"
    public let fileExtension = "html"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        HTMLDocumentWriter().write(InspectionReport(ReportModel(result, language: language)).document)
    }
}

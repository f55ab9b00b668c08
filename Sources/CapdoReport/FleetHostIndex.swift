import CapdoCore

/// The host index of a fleet report: the whole host × status table, one row per host linked to its detail report,
/// written beside the summary as `<stem>-hosts.<ext>` (`ReportFileName.hostIndex`).
public enum FleetHostIndex {
    /// The formats that have detail reports, and so an index.
    public static let formats: Set<String> = ["html", "md"]

    /// The index in `format` (`html` or `md`), or nil for a single host or another format.
    public static func render(_ result: ScanResult, language: Language, format: String) -> String? {
        let strings = ReportStrings(language)
        guard formats.contains(format), let matrix = HostMatrixSection(result, strings: strings) else { return nil }
        // The heading texts only: a `ReportModel` would sort and group every finding of the fleet for them.
        let title = strings.format(FleetString.indexTitle, ReportModel.organisationName(result, strings))
        let document = ReportDocument(
            title: title, language: language.rawValue,
            generator: "\(result.scanner.name) \(result.scanner.version)",
            blocks: [.heading(1, "", title), .paragraph(ReportModel.subtitle(result, strings), .centered)]
                + matrix.blocks(limit: nil),
            footer: ReportModel.generatedByText(result, strings))
        return format == "html"
            ? HTMLDocumentWriter().write(document) : MarkdownDocumentWriter().write(document)
    }
}

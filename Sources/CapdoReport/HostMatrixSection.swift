import CapdoCore

/// The host × status table of a fleet (`HostStatusMatrix`): one row per host, the hosts needing most action first,
/// each linked to its detail report when the report has them (`ScanResult.hostDetails`). Nil for a single host.
///
/// The summary shows the first `summaryRows` rows and links the host index (`FleetHostIndex`) that has them all, so
/// the summary of a thousand hosts stays a few pages.
struct HostMatrixSection {
    /// How many rows the fleet summary shows; the host index shows every row.
    static let summaryRows = 30

    struct Row {
        var host: String
        var isSystem: Bool
        var cells: [String]
    }

    let strings: ReportStrings
    /// The detail folder, relative to the summary and the index (both sit beside it); nil when none was written.
    let folder: String?
    let rows: [Row]
    let hasSystems: Bool

    init?(_ result: ScanResult, strings: ReportStrings) {
        let matrix = HostStatusMatrix(result)
        guard matrix.rows.count(where: { !$0.isSystem }) > 1 else { return nil }
        self.strings = strings
        folder = result.hostDetails
        hasSystems = matrix.rows.contains(where: \.isSystem)
        let sorted = matrix.rows.enumerated().sorted { lhs, rhs in
            (lhs.element.worstSeverity?.rank ?? 9, -lhs.element.count(.fail), lhs.offset)
                < (rhs.element.worstSeverity?.rank ?? 9, -rhs.element.count(.fail), rhs.offset)
        }
        rows = sorted.map { _, row in
            Row(
                host: row.host, isSystem: row.isSystem,
                cells: HostStatusMatrix.columns.map { String(row.count($0)) }
                    + [row.worstSeverity.map { strings.severity($0) } ?? "–"])
        }
    }

    /// The table with at most `limit` rows (all when nil), then its notes: a cut table links to the host index, which
    /// is named like the detail folder (`ReportFileName.hostIndex`).
    func blocks(limit: Int?) -> [DocumentBlock] {
        let s = strings
        let shown = limit.map { Array(rows.prefix($0)) } ?? rows
        let headers =
            [s[FleetString.matrixHostColumn]] + HostStatusMatrix.columns.map { s.status($0) }
            + [s[FleetString.matrixWorst]]
        let cells = shown.map { row -> [[DocumentSpan]] in
            let name: DocumentSpan =
                switch (row.isSystem, folder) {
                case (true, _): .identifier(row.host + " *")
                case (false, let folder?): .link(row.host, document: folder + "/" + ReportFileName.safe(row.host))
                case (false, nil): .identifier(row.host)
                }
            return [[name]] + row.cells.map { [.text($0)] }
        }
        var blocks: [DocumentBlock] = [
            .table(DocumentTable(headers, cells, widths: [25, 9, 10, 10, 8, 11, 11, 16], numeric: [1, 2, 3, 4, 5, 6]))
        ]
        if hasSystems { blocks.append(.paragraph(s[FleetString.matrixSystemNote], .note)) }
        if let folder { blocks.append(.paragraph(s.format(FleetString.matrixLinks, folder + "/"), .note)) }
        if shown.count < rows.count, let folder {
            blocks.append(
                .paragraph(
                    [
                        .text(s.format(FleetString.matrixMore, String(shown.count), String(rows.count)) + " "),
                        .link(folder, document: folder),
                    ], .note))
        }
        return blocks
    }
}

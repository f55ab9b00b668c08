import CapdoCore

/// The fleet summary's host × status table (`HostStatusMatrix`): one row per host, the hosts needing most action
/// first, each linked to its detail report when the report has them (`ScanResult.hostDetails`). Empty for a single
/// host. Self-contained (its own few strings), so each writer calls it in one line.
public enum HostMatrixSection {
    /// The section as HTML.
    public static func html(_ result: ScanResult, language: Language) -> String {
        guard let table = Table(result, language: language, fileExtension: "html") else { return "" }
        let e = HTMLEscaper.escape
        var html = "<section id=\"host-matrix\">\n<h3>\(e(table.heading))</h3>\n<table>\n<thead><tr>"
        html += table.headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            let name = row.link.map { "<a href=\"\(e($0))\">\(e(row.host))</a>" } ?? e(row.host)
            html += "<tr><td>\(name)</td>" + row.cells.map { "<td class=\"num\">\(e($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if let note = table.note { html += "<p class=\"muted\">\(e(note))</p>\n" }
        return html + "</section>\n"
    }

    /// The section as Markdown.
    public static func markdown(_ result: ScanResult, language: Language) -> String {
        guard let table = Table(result, language: language, fileExtension: "md") else { return "" }
        let c = MarkdownEscaper.cell
        var md = "### \(MarkdownEscaper.escape(table.heading))\n\n| " + table.headers.map(c).joined(separator: " | ")
        md += " |\n|" + table.headers.indices.map { $0 == 0 ? "---|" : "---:|" }.joined() + "\n"
        for row in table.rows {
            let name = row.link.map { "[\(c(row.host))](\($0))" } ?? c(row.host)
            md += "| \(name) | " + row.cells.map(c).joined(separator: " | ") + " |\n"
        }
        return md + "\n" + (table.note.map { "_\(MarkdownEscaper.escape($0))_\n\n" } ?? "")
    }
}

private extension HostMatrixSection {
    /// The table as plain (unescaped) text.
    struct Table {
        struct Row {
            var host: String
            var link: String?
            var cells: [String]
        }

        var heading: String
        var headers: [String]
        var rows: [Row]
        /// Said when the table has an information system's row.
        var note: String?

        init?(_ result: ScanResult, language: Language, fileExtension: String) {
            let matrix = HostStatusMatrix(result)
            guard matrix.rows.count(where: { !$0.isSystem }) > 1 else { return nil }
            let s = ReportStrings(language)
            let text = { (vi: String, en: String) in LocalizedText(vi: vi, en: en).text(language) }
            heading = text("Tình trạng theo từng máy", "Status by host")
            headers =
                [text("Máy / hệ thống", "Host / system")] + HostStatusMatrix.columns.map { s.status($0) }
                + [text("Mức nghiêm trọng cao nhất", "Worst severity")]
            note =
                !matrix.rows.contains(where: \.isSystem)
                ? nil
                : text(
                    "Các mục quản lý được đánh giá một lần cho mỗi hệ thống thông tin (dòng có dấu *), không lặp lại theo máy.",
                    "Management items are judged once per information system (rows marked *), not repeated per host.")
            let sorted = matrix.rows.enumerated().sorted { lhs, rhs in
                (lhs.element.worstSeverity?.rank ?? 9, -lhs.element.count(.fail), lhs.offset)
                    < (rhs.element.worstSeverity?.rank ?? 9, -rhs.element.count(.fail), rhs.offset)
            }
            rows = sorted.map { _, row in
                Row(
                    host: row.isSystem ? row.host + " *" : row.host,
                    link: row.isSystem
                        ? nil
                        : result.hostDetails.map {
                            ReportFileName.hostDetail(folder: $0, host: row.host, fileExtension: fileExtension)
                        },
                    cells: HostStatusMatrix.columns.map { String(row.count($0)) }
                        + [row.worstSeverity.map { s.severity($0) } ?? "–"])
            }
        }
    }
}

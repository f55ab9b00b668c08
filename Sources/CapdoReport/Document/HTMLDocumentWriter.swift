import CapdoCore

/// Writes a `ReportDocument` as one self-contained HTML file (inline CSS and SVG, no script) laid out for A4.
///
/// Every string of the document passes through `e` (`HTMLEscaper`) here and nowhere else.
struct HTMLDocumentWriter {
    func write(_ document: ReportDocument) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(e(document.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"\(e(document.generator))\">\n"
        html += "<title>\(e(document.title))</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        for block in document.blocks { html += write(block, document) }
        return html + "<footer><p class=\"muted\">\(e(document.footer))</p></footer>\n</body>\n</html>\n"
    }
}

private extension HTMLDocumentWriter {
    func e(_ text: String) -> String { HTMLEscaper.escape(text) }

    func write(_ block: DocumentBlock, _ document: ReportDocument) -> String {
        switch block {
        case .heading(let heading):
            let tag = "h\(min(max(heading.level, 1), 4))"
            let id = heading.anchor.map { " id=\"\(e($0))\"" } ?? ""
            return "<\(tag)\(id)>\(e(heading.text))</\(tag)>\n"
        case .paragraph(let spans, let style):
            let css: String
            switch style {
            case .normal: css = ""
            case .note: css = " class=\"muted\""
            case .centered: css = " class=\"center\""
            case .right: css = " class=\"right\""
            }
            return "<p\(css)>\(inline(spans))</p>\n"
        case .list(let items, let ordered):
            let tag = ordered ? "ol" : "ul"
            return "<\(tag)>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
        case .table(let table): return write(table)
        case .fields(let fields):
            var html = "<table class=\"meta\">\n<tbody>\n"
            for field in fields { html += "<tr><th>\(e(field.label))</th><td>\(inline(field.value))</td></tr>\n" }
            return html + "</tbody>\n</table>\n"
        case .box(let box, let inner):
            let css: String
            switch box {
            case .conclusion(let cssClass): css = "overall \(cssClass)"
            case .finding: css = "finding"
            }
            return "<div class=\"\(e(css))\">\n" + inner.map { write($0, document) }.joined() + "</div>\n"
        case .contents(let title):
            var html = "<nav class=\"toc\">\n<h2>\(e(title))</h2>\n<ul>\n"
            for heading in document.contents {
                html += "<li><a href=\"#\(e(heading.anchor ?? ""))\">\(e(heading.text))</a></li>\n"
            }
            return html + "</ul>\n</nav>\n"
        case .pageBreak: return "<div class=\"page-break\"></div>\n"
        case .letterhead(let head): return write(head)
        case .signatures(let foot): return write(foot)
        case .chart(let svg, _): return svg + "\n"
        }
    }

    func write(_ table: DocumentTable) -> String {
        var classes = ["fixed"]
        if table.small { classes.append("small") }
        var html = table.widths.isEmpty ? "<table>\n" : "<table class=\"\(classes.joined(separator: " "))\">\n"
        if !table.widths.isEmpty {
            html += "<colgroup>"
            for width in table.widths { html += "<col style=\"width: \(width)%\">" }
            html += "</colgroup>\n"
        }
        html += "<thead><tr>"
        for (index, header) in table.headers.enumerated() {
            html += "<th\(cellClass(table, index))>\(e(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() { html += "<td\(cellClass(table, index))>\(inline(cell))</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    func cellClass(_ table: DocumentTable, _ index: Int) -> String {
        if table.numeric.contains(index) { return " class=\"num\"" }
        if table.handwritten.contains(index) { return " class=\"hand\"" }
        return ""
    }

    func write(_ head: DocumentLetterhead) -> String {
        var html = "<header>\n<div class=\"doc-head\">\n<div>\n"
        if let parent = head.parent { html += "<p>\(e(parent))</p>\n" }
        html += "<p class=\"strong\">\(e(head.issuer))</p>\n<div class=\"rule\"></div>\n"
        html += "<p class=\"number\">\(e(head.number))</p>\n</div>\n<div>\n"
        html += "<p class=\"strong\">\(e(head.nationalName))</p>\n<p class=\"strong\">\(e(head.motto))</p>\n"
        html += "<div class=\"rule\"></div>\n<p class=\"doc-date\">\(e(head.placeAndDate))</p>\n</div>\n</div>\n"
        return html + "</header>\n"
    }

    func write(_ foot: DocumentSignatures) -> String {
        var html = "<div class=\"sign\">\n"
        for column in foot.columns {
            switch column {
            case .recipients(let title, let list):
                html += "<div class=\"recipients\">\n<p><strong><em>\(e(title))</em></strong></p>\n"
                for line in list { html += "<p>- \(e(line))</p>\n" }
                html += "</div>\n"
            case .signer(let date, let titles, let hint, let name):
                html += "<div>\n"
                if let date { html += "<p class=\"muted\"><em>\(e(date))</em></p>\n" }
                for title in titles { html += "<p><strong>\(e(title))</strong></p>\n" }
                html += "<p class=\"muted\"><em>\(e(hint))</em></p>\n<div class=\"space\"></div>\n"
                if let name { html += "<p><strong>\(e(name))</strong></p>\n" }
                html += "</div>\n"
            }
        }
        return html + "</div>\n"
    }

    func inline(_ spans: [DocumentSpan]) -> String {
        spans.map(inline).joined()
    }

    func inline(_ span: DocumentSpan) -> String {
        switch span {
        case .text(let text): return e(text).replacingOccurrences(of: "\n", with: "<br>")
        case .strong(let spans): return "<strong>\(inline(spans))</strong>"
        case .emphasis(let spans): return "<em>\(inline(spans))</em>"
        case .muted(let spans): return "<span class=\"muted\">\(inline(spans))</span>"
        case .identifier(let text): return "<span class=\"id\">\(breakable(text))</span>"
        case .code(let text): return "<span class=\"pre\">\(e(text))</span>"
        case .status(let status, let label):
            return
                "<span class=\"badge \(StatusMark.cssClass(status))\">\(StatusMark.symbol(status)) \(e(label))</span>"
        case .verdict(let verdict, let label):
            return
                "<span class=\"badge \(StatusMark.cssClass(verdict))\">\(StatusMark.symbol(verdict)) \(e(label))</span>"
        case .tag(let text): return "<span class=\"tag\">\(e(text))</span>"
        case .checkbox: return "<span class=\"box\">☐</span>"
        case .lineBreak: return "<br>"
        case .link(let text, let document): return "<a href=\"\(e(document)).html\">\(breakable(text))</a>"
        }
    }

    /// `text` escaped, with break opportunities only after `.`, `/`, `\` and `,`: ids and paths wrap between their
    /// parts, never inside one (`srv.ips.sysctl_aslr_full` may break after `ips.`, not after `aslr_`).
    func breakable(_ text: String) -> String {
        var html = ""
        for character in e(text) {
            html.append(character)
            if character == "." || character == "/" || character == "\\" || character == "," { html += "<wbr>" }
        }
        return html
    }
}

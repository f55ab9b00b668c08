import CapdoCore

/// Writes a `ReportDocument` as Markdown that renders on any Git forge (CommonMark + GFM tables), with no raw HTML.
///
/// Every string of the document passes through `MarkdownEscaper` here and nowhere else. Page breaks and column
/// widths have no Markdown form and are left out.
struct MarkdownDocumentWriter {
    func write(_ document: ReportDocument) -> String {
        var md = ""
        for block in document.blocks { md += write(block, document) }
        return md + "---\n\n_\(e(document.footer))_\n"
    }
}

extension MarkdownDocumentWriter {
    /// The anchor a Git forge gives a heading (GitHub's rule): lower case, punctuation dropped, spaces as hyphens;
    /// Markdown has no ids of its own, so the table of contents links to these.
    static func slug(_ heading: String) -> String {
        var slug = ""
        for character in heading.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            }
        }
        return slug
    }
}

extension MarkdownDocumentWriter {
    /// A link target with every byte outside letters, digits and `-_./` percent-encoded, so a host name can never
    /// end the link or start markup.
    static func target(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))
                    || "-_./".unicodeScalars.contains(scalar)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

private extension MarkdownDocumentWriter {
    func e(_ text: String) -> String { MarkdownEscaper.escape(text) }

    func write(_ block: DocumentBlock, _ document: ReportDocument) -> String {
        switch block {
        case .heading(let heading):
            return String(repeating: "#", count: min(max(heading.level, 1), 6)) + " \(e(heading.text))\n\n"
        case .paragraph(let spans, let style):
            let text = inline(spans, inCell: false)
            return (style == .note ? "_\(text)_" : text) + "\n\n"
        case .list(let items, let ordered):
            var md = ""
            for (index, item) in items.enumerated() {
                md += (ordered ? "\(index + 1). " : "- ") + inline(item, inCell: false) + "\n"
            }
            return md + "\n"
        case .table(let table): return write(table)
        case .fields(let fields):
            return fields.map { "- **\(e($0.label)):** \(inline($0.value, inCell: false))\n" }.joined() + "\n"
        case .box(_, let inner):
            let body = inner.map { write($0, document) }.joined()
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2)
            return lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n\n"
        case .contents(let title):
            var md = "## \(e(title))\n\n"
            for heading in document.contents {
                md += "- [\(e(heading.text))](#\(Self.slug(heading.text)))\n"
            }
            return md + "\n"
        case .pageBreak: return ""
        case .letterhead(let head):
            var md = head.parent.map { "\(e($0)) · " } ?? ""
            md += "**\(e(head.issuer))**\n\n\(e(head.number))\n\n"
            md += "**\(e(head.nationalName))** · **\(e(head.motto))**\n\n_\(e(head.placeAndDate))_\n\n"
            return md
        case .signatures(let foot): return write(foot)
        case .chart(_, let text): return text.isEmpty ? "" : "```text\n\(text)```\n\n"
        }
    }

    func write(_ table: DocumentTable) -> String {
        var md = "| " + table.headers.map { MarkdownEscaper.cell($0) }.joined(separator: " | ") + " |\n|"
        for index in table.headers.indices { md += table.numeric.contains(index) ? " ---: |" : " --- |" }
        md += "\n"
        for row in table.rows {
            let cells = row.map { cell -> String in
                let text = inline(cell, inCell: true).trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? " " : text
            }
            md += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return md + "\n"
    }

    func write(_ foot: DocumentSignatures) -> String {
        var md = ""
        for column in foot.columns {
            switch column {
            case .recipients(let title, let list):
                md += "**_\(e(title))_**\n\n" + list.map { "- \(e($0))\n" }.joined() + "\n"
            case .signer(let date, let titles, let hint, let name):
                if let date { md += "_\(e(date))_\n\n" }
                md += titles.map { "**\(e($0))**" }.joined(separator: " \\\n") + "\n\n_\(e(hint))_\n\n"
                md += "&nbsp;\n\n&nbsp;\n\n"
                if let name { md += "**\(e(name))**\n\n" }
            }
        }
        return md
    }

    func inline(_ spans: [DocumentSpan], inCell: Bool) -> String {
        spans.map { inline($0, inCell: inCell) }.joined()
    }

    func inline(_ span: DocumentSpan, inCell: Bool) -> String {
        switch span {
        case .text(let text), .code(let text), .identifier(let text): return e(text)
        case .strong(let spans): return "**\(inline(spans, inCell: inCell))**"
        case .emphasis(let spans), .muted(let spans): return "_\(inline(spans, inCell: inCell))_"
        case .status(let status, let label): return "**\(StatusMark.symbol(status)) \(e(label))**"
        case .verdict(let verdict, let label): return "**\(StatusMark.symbol(verdict)) \(e(label))**"
        case .tag(let text): return "_\\(\(e(text))\\)_"
        case .checkbox: return "☐"
        case .lineBreak: return inCell ? " · " : " \\\n"
        case .link(let text, let document): return "[\(e(text))](\(Self.target(document)).md)"
        }
    }
}

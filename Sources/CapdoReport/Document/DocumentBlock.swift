/// One block of a report document, in reading order.
enum DocumentBlock: Sendable, Equatable {
    /// How a paragraph is set.
    enum Style: Sendable, Equatable {
        case normal, note, centered, right
    }

    /// How a framed box looks: the conclusion (coloured by its verdict class) or one finding.
    enum Box: Sendable, Equatable {
        case conclusion(cssClass: String)
        case finding
    }

    case heading(DocumentHeading)
    case paragraph([DocumentSpan], Style)
    case list([[DocumentSpan]], ordered: Bool)
    case table(DocumentTable)
    case fields([DocumentField])
    case box(Box, [DocumentBlock])
    /// The table of contents, drawn from the document's anchored headings.
    case contents(title: String)
    /// A new printed page (Markdown has none).
    case pageBreak
    case letterhead(DocumentLetterhead)
    case signatures(DocumentSignatures)
    /// A chart: inline SVG for HTML (built from catalogue strings and numbers only) and its text form for Markdown.
    case chart(svg: String, text: String)

    static func paragraph(_ text: String, _ style: Style = .normal) -> DocumentBlock {
        .paragraph([.text(text)], style)
    }

    static func heading(_ level: Int, _ number: String, _ title: String, anchor: String? = nil) -> DocumentBlock {
        .heading(DocumentHeading(level: level, number: number, title, anchor: anchor))
    }
}

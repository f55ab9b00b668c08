import CapdoCore

/// A run of inline text in a report document; writers escape every string of it in one place.
indirect enum DocumentSpan: Sendable, Equatable {
    /// Plain text.
    case text(String)
    /// Bold.
    case strong([DocumentSpan])
    /// Italic.
    case emphasis([DocumentSpan])
    /// Smaller, greyer text (notes under a title).
    case muted([DocumentSpan])
    /// An identifier (rule id, host, path): kept whole, broken only after `.` and `/` so ids never split mid-token.
    case identifier(String)
    /// A collected value (evidence, a log message): monospace, may wrap anywhere since hosts send long tokens.
    case code(String)
    /// A finding's status with its symbol, so it survives black-and-white printing.
    case status(FindingStatus, label: String)
    /// An item's verdict with its symbol.
    case verdict(ItemVerdict, label: String)
    /// A small framed label ("new at level 2").
    case tag(String)
    /// An empty box to tick by hand.
    case checkbox
    /// A line break inside a paragraph or a cell.
    case lineBreak
    /// A link to another report written beside this one: `document` is its path without extension, relative to this
    /// report; each writer adds its own extension (`.html`, `.md`), so both formats link within their own kind.
    case link(String, document: String)
}

extension DocumentSpan {
    /// Spans joined by line breaks.
    static func lines(_ parts: [[DocumentSpan]]) -> [DocumentSpan] {
        var out: [DocumentSpan] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(.lineBreak) }
            out += part
        }
        return out
    }

    /// The text a reader sees, without markup (for the table of contents and tests).
    var plainText: String {
        switch self {
        case .text(let text), .identifier(let text), .code(let text), .tag(let text), .link(let text, _): return text
        case .strong(let spans), .emphasis(let spans), .muted(let spans): return spans.map(\.plainText).joined()
        case .status(let status, let label): return StatusMark.symbol(status) + " " + label
        case .verdict(let verdict, let label): return StatusMark.symbol(verdict) + " " + label
        case .checkbox: return "☐"
        case .lineBreak: return "\n"
        }
    }
}

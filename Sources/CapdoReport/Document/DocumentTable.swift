/// A table of a report document, with the layout hints a printed A4 page needs.
struct DocumentTable: Sendable, Equatable {
    var headers: [String]
    var rows: [[[DocumentSpan]]]
    /// Column widths in percent of the page (hints for print; empty lets the writer size columns).
    var widths: [Int] = []
    /// Right-aligned number columns.
    var numeric: Set<Int> = []
    /// Columns left blank to be filled in by hand (owner, deadline): they keep their width and rows stay tall.
    var handwritten: Set<Int> = []
    /// A smaller font for long detail tables.
    var small = false

    init(
        _ headers: [String], _ rows: [[[DocumentSpan]]], widths: [Int] = [], numeric: Set<Int> = [],
        handwritten: Set<Int> = [], small: Bool = false
    ) {
        self.headers = headers
        self.rows = rows
        self.widths = widths
        self.numeric = numeric
        self.handwritten = handwritten
        self.small = small
    }

    /// A table of plain-text cells.
    init(_ headers: [String], text rows: [[String]], widths: [Int] = [], numeric: Set<Int> = [], small: Bool = false) {
        self.init(headers, rows.map { $0.map { [.text($0)] } }, widths: widths, numeric: numeric, small: small)
    }
}

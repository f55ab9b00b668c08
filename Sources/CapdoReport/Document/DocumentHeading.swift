/// A heading of a report document; the table of contents is built from those with an anchor.
struct DocumentHeading: Sendable, Equatable {
    /// 1 for the document title, 2 for sections and appendices, 3–4 inside them.
    var level: Int
    /// "1.", "Phụ lục A." or empty.
    var number: String
    var title: String
    /// The link target (`#items`); headings without one stay out of the table of contents.
    var anchor: String?

    init(level: Int, number: String = "", _ title: String, anchor: String? = nil) {
        self.level = level
        self.number = number
        self.title = title
        self.anchor = anchor
    }

    /// "1. Title", or the title alone when unnumbered.
    var text: String { number.isEmpty ? title : number + " " + title }
}

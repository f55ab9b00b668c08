import CapdoCore

/// The one door through which the documents get a finding's evidence as text: the sentences of its evidence table
/// (`EvidenceLines`, alternatives grouped) and the one-line proof of a compact row.
enum EvidenceText {
    /// A finding's evidence lines in the report's language, unescaped.
    static func lines(_ finding: Finding, model: ReportModel) -> [EvidenceLine] {
        EvidenceLines.lines(finding, language: model.language)
    }

    /// A finding's evidence as table rows of two cells: the sentence, indented by its depth (an alternatives group's
    /// opening line in bold), and its mark.
    static func rows(_ finding: Finding, model: ReportModel) -> [[[DocumentSpan]]] {
        lines(finding, model: model).map { line in
            let text: DocumentSpan = line.kind == .alternatives ? .strong([.text(line.text)]) : .text(line.text)
            let indent = String(repeating: "\u{2003}", count: line.depth)
            let mark = line.outcome.map { "\(StatusMark.symbol($0)) \(model.strings.outcome($0))" } ?? ""
            return [indent.isEmpty ? [text] : [.text(indent), text], [.text(mark)]]
        }
    }

    /// The reason and proof of a finding in one line (`ReportModel.note`).
    static func note(_ finding: Finding, model: ReportModel) -> String {
        model.note(finding)
    }
}

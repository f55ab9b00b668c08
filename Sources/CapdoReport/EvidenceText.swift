import CapdoCore

/// A finding's evidence as the rows of its evidence table: the sentences of `EvidenceLines` (alternatives grouped),
/// each indented by its depth (an alternatives group's opening line in bold), beside its mark.
enum EvidenceText {
    static func rows(_ finding: Finding, model: ReportModel) -> [[[DocumentSpan]]] {
        EvidenceLines.lines(finding, language: model.language).map { line in
            let text: DocumentSpan = line.kind == .alternatives ? .strong([.text(line.text)]) : .text(line.text)
            let indent = String(repeating: "\u{2003}", count: line.depth)
            let mark = line.outcome.map { "\(StatusMark.symbol($0)) \(model.strings.outcome($0))" } ?? ""
            return [indent.isEmpty ? [text] : [.text(indent), text], [.text(mark)]]
        }
    }
}

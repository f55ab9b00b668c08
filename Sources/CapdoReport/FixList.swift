import CapdoCore

/// The fix list (Kế hoạch khắc phục) as its own printable document: one row per finding needing action per host,
/// the fix for that host's operating system, and owner and deadline columns wide enough to fill by hand.
struct FixList {
    /// One row: a finding on a host, with the fix for that host.
    struct Row {
        var host: String
        var os: String?
        var finding: Finding
        var fix: String
    }

    let model: ReportModel

    init(_ model: ReportModel) {
        self.model = model
    }

    /// Every finding needing action, host by host in report order.
    var rows: [Row] {
        model.hosts.flatMap { host in
            Finding.sortedForReport(host.findings.filter { $0.status.needsAction }).map { finding in
                Row(
                    host: host.host, os: host.os, finding: finding,
                    fix: RemediationText.forHost(finding.remediation.text(model.language), os: host.os))
            }
        }
    }

    var document: ReportDocument {
        let s = model.strings
        var blocks: [DocumentBlock] = [.letterhead(DocumentLetterhead(model, kind: "KH"))]
        blocks.append(.heading(1, "", s[DocumentString.fixListTitle]))
        blocks.append(
            .paragraph(s.format(DocumentString.fixListSubtitle, s.day(model.result.finishedAt)), .centered))
        var fields: [DocumentField] = []
        if let system = model.result.organisation.system { fields.append(DocumentField(s[.systemLabel], system)) }
        fields.append(DocumentField(s[.scopeLabel], model.scopeText))
        blocks.append(.fields(fields))
        blocks.append(.paragraph(s[DocumentString.fixListIntro]))
        let rows = self.rows
        if rows.isEmpty {
            blocks.append(.paragraph(s[.noPlan]))
        } else {
            blocks.append(
                .table(
                    DocumentTable(
                        [
                            s[.columnNumber], s[.columnHost], s[DocumentString.columnFinding], s[.columnAction],
                            s[.columnOwner], s[.columnDeadline],
                        ],
                        rows.enumerated().map { index, row in
                            [
                                [.text(String(index + 1))], [.identifier(row.host)],
                                [
                                    .status(row.finding.status, label: s.status(row.finding.status)), .lineBreak,
                                    .text(row.finding.title.text(model.language)), .lineBreak,
                                    .muted([
                                        .text(
                                            s.severity(row.finding.severity) + " · " + row.finding.requirement.tt12
                                                + " · "),
                                        .identifier(row.finding.ruleID),
                                    ]),
                                ],
                                [.text(row.fix)], [], [],
                            ]
                        }, widths: [6, 14, 27, 27, 15, 11], numeric: [0], handwritten: [4, 5], small: true)))
        }
        blocks.append(DocumentParts.foot(model))
        return ReportDocument(
            title: s[DocumentString.fixListTitle] + " – " + model.organisationName, language: model.language.rawValue,
            generator: "\(model.result.scanner.name) \(model.result.scanner.version)", blocks: blocks,
            footer: model.generatedByText)
    }
}

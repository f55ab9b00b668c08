import CapdoCore

/// The inspection report (Báo cáo kiểm tra) as a document in the form of Decree 30/2020/NĐ-CP, ordered for the
/// signer: page 1 the conclusion by item and what needs action; then the 42 items, a checklist per host, the limits
/// of the inspection, waivers, recommendations and signatures; thresholds, full evidence and passed checks in
/// appendices.
struct InspectionReport {
    let model: ReportModel

    /// How many findings needing action page 1 lists before it points to the rest.
    static let frontPageActions = 8

    init(_ model: ReportModel) {
        self.model = model
    }

    var strings: ReportStrings { model.strings }

    /// True for a fleet's summary with a detail report per host beside it: what is per host goes to those reports.
    var isFleetSummary: Bool { model.result.hostDetails != nil }

    /// Up to `InspectionLimits.namedHosts` hosts, one per line, then how many more.
    func hostList(_ hosts: [String]) -> [DocumentSpan] {
        let shown = hosts.prefix(InspectionLimits.namedHosts).map { [DocumentSpan.identifier($0)] }
        let more = hosts.count - shown.count
        return DocumentSpan.lines(
            more > 0 ? shown + [[.text(strings.format(FleetString.moreHosts, String(more)))]] : shown)
    }

    var document: ReportDocument {
        var blocks = frontPage
        blocks += [.pageBreak, .contents(title: strings[DocumentString.contents])]
        blocks += itemsSection + fixesSection + limitsSection + waiversSection + closingSection
        blocks += appendices
        return ReportDocument(
            title: strings[.reportTitle] + " – " + model.organisationName, language: model.language.rawValue,
            generator: "\(model.result.scanner.name) \(model.result.scanner.version)", blocks: blocks,
            footer: model.generatedByText)
    }
}

extension InspectionReport {
    /// Letterhead, title, legal basis, particulars and the conclusion with the findings needing action.
    var frontPage: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [.letterhead(DocumentLetterhead(model, kind: "BC"))]
        blocks.append(.heading(1, "", s[.reportTitle]))
        blocks.append(.paragraph(model.subtitle, .centered))
        blocks += DocumentParts.legalBasis(model)
        var fields: [DocumentField] = []
        if let system = model.result.organisation.system { fields.append(DocumentField(s[.systemLabel], system)) }
        fields.append(DocumentField(s[.scopeLabel], model.scopeText))
        fields.append(DocumentField(s[.scanTimeLabel], model.scanTimeText))
        blocks.append(.fields(fields))
        blocks.append(.heading(2, "1.", s[DocumentString.conclusionHeading], anchor: "conclusion"))
        blocks.append(conclusionBox)
        blocks.append(.paragraph(s.format(DocumentString.countsLine, s.countsSentence(model.summary.counts))))
        blocks += actionsNeeded
        return blocks
    }

    /// The verdict over the items, framed and coloured (colour, symbol and text: it survives grey printing).
    var conclusionBox: DocumentBlock {
        let headline = model.conclusionHeadline
        var inner: [DocumentBlock] = [
            .paragraph([.strong([.text("\(strings[.overallLabel]): \(headline.symbol) \(headline.text)")])], .normal)
        ]
        inner += model.conclusionDetails.map { .paragraph($0, .normal) }
        return .box(.conclusion(cssClass: headline.cssClass), inner)
    }

    /// The findings needing action, one row per rule with its hosts, the worst first; the rest by reference.
    var actionsNeeded: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [.heading(3, "", s[DocumentString.actionsHeading])]
        if model.plan.isEmpty { return blocks + [.paragraph(s[.noPlan])] }
        let shown = model.plan.prefix(Self.frontPageActions)
        blocks.append(
            .table(
                DocumentTable(
                    [
                        s[.columnNumber], s[.fieldSeverity], s[.columnItem], s[DocumentString.columnFinding],
                        s[.columnHosts],
                    ],
                    shown.enumerated().map { index, row in
                        [
                            [.text(String(index + 1))], [.text(s.severity(row.severity))],
                            [.text(row.requirement.tt12)],
                            [.text(row.title), .lineBreak, .muted([.identifier(row.ruleID)])],
                            hostList(row.hosts),
                        ]
                    }, widths: [7, 13, 11, 51, 18], numeric: [0])))
        if model.plan.count > shown.count {
            blocks.append(
                .paragraph(
                    isFleetSummary
                        ? s.format(FleetString.moreActions, String(model.plan.count - shown.count))
                        : s.format(DocumentString.moreActions, String(model.plan.count - shown.count)), .note))
        }
        return blocks
    }
}

import CapdoCore

/// The parts every administrative document of a report shares: the letterhead, the legal basis and the foot with
/// recipients and signer (Decree 30/2020/NĐ-CP, Phụ lục I).
enum DocumentParts {
    /// The legal basis as the "Căn cứ …;" lines of an administrative document, the inspection decision or plan of
    /// capdo.yaml last; the new-regime texts follow as a reference, never as a basis.
    static func legalBasis(_ model: ReportModel) -> [DocumentBlock] {
        let s = model.strings
        var lines = [s[DocumentString.basisDecree85], s[DocumentString.basisCircular12], s[DocumentString.basisTCVN]]
        for decision in model.result.organisation.particulars?.basis ?? [] {
            lines.append(s.format(DocumentString.basisDecision, decision))
        }
        var blocks = lines.map { DocumentBlock.paragraph([.emphasis([.text($0)])], .normal) }
        blocks.append(.paragraph(s[DocumentString.newRegimeReference], .note))
        return blocks
    }

    /// Recipients on the left, the issuer's signer on the right.
    static func foot(_ model: ReportModel) -> DocumentBlock {
        let s = model.strings
        let particulars = model.result.organisation.particulars
        var recipients = particulars?.recipients ?? []
        if recipients.isEmpty {
            let owner = model.result.systems?.first?.owner
            recipients =
                (owner.map { [s.format(DocumentString.recipientOwner, $0)] } ?? [])
                + [s.format(DocumentString.recipientFile, particulars?.code ?? "…")]
        }
        return .signatures(
            DocumentSignatures(columns: [
                .recipients(title: s[DocumentString.recipientsTitle], recipients),
                .signer(
                    date: nil, titles: signerTitles(model), hint: s[.signHint], name: particulars?.signerName),
            ]))
    }

    /// The signer's title lines: the configured title, else "On behalf of" and the issuing body on its own line
    /// (the body's name stays as written in capdo.yaml, in any report language).
    static func signerTitles(_ model: ReportModel) -> [String] {
        if let title = model.result.organisation.particulars?.signerTitle { return [title] }
        guard let department = model.departmentName else { return [model.strings[.signDepartmentFallback]] }
        return [model.strings[DocumentString.onBehalfOf], department]
    }
}

extension DocumentLetterhead {
    /// The letterhead of a report of `model`: `kind` is the document type code (`BC` báo cáo, `KH` kế hoạch).
    init(_ model: ReportModel, kind: String) {
        let s = model.strings
        let particulars = model.result.organisation.particulars
        let department = model.departmentName
        let date = s.documentDate(model.result.finishedAt)
        let place = particulars?.place.map { $0 + ", " } ?? "……, "
        self.init(
            parent: department == nil ? nil : model.organisationName, issuer: department ?? model.organisationName,
            number: s.format(DocumentString.numberLine, kind, particulars?.code ?? "……"),
            nationalName: s[.nationalName], motto: s[.nationalMotto],
            placeAndDate: place + (s.language == .vi ? date.lowercasedFirstLetter() : s.day(model.result.finishedAt)))
    }
}

extension String {
    /// "Ngày 28 tháng 11" → "ngày 28 tháng 11", for the place and date line.
    func lowercasedFirstLetter() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}

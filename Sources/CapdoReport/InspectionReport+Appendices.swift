import CapdoCore

/// The appendices: what the signer need not read to decide, kept for the auditor and the IT staff.
extension InspectionReport {
    var appendices: [DocumentBlock] {
        let s = strings
        let blocks = ReportBlocks(model)
        var parts: [(title: String, anchor: String, body: [DocumentBlock])] = [
            (s[DocumentString.appendixThresholds], "thresholds", blocks.thresholds + blocks.itemRules)
        ]
        if let folder = model.result.hostDetails {
            parts.append((s[DocumentString.appendixFindings], "findings", systemFindings(folder: folder)))
        } else {
            parts += [
                (s[DocumentString.appendixFindings], "findings", blocks.detailedFindings),
                (s[.compactHeading], "checks", blocks.compact),
                (s[DocumentString.appendixHosts], "hosts", blocks.hostsAndIssues),
            ]
        }
        if !model.result.waivers.isEmpty { parts.append((s[.sectionWaivers], "waiver-list", blocks.waivers)) }
        let lan = LanSection.sections(model.result, s)
        if !lan.isEmpty {
            parts.append((s[.sectionLan], "lan", [.paragraph(s[.lanIntro])] + lan.flatMap(\.blocks)))
        }
        // Certificates and anti-malware are inventories per host: a fleet summary leaves them to the detail reports.
        if model.hasTLSFacts || model.hasAntivirusFacts, !isFleetSummary {
            parts.append((s[.sectionTlsAv], "tls", blocks.tlsAndAntivirus))
        }
        if let changes = model.result.changes {
            parts.append((s[.sectionChanges], "changes", blocks.changes(changes)))
        }
        return parts.enumerated().flatMap { index, part -> [DocumentBlock] in
            let letter = String(UnicodeScalar(UInt8(65 + index)))
            return [
                .pageBreak,
                .heading(2, s.format(DocumentString.appendixNumber, letter), part.title, anchor: part.anchor),
            ] + part.body
        }
    }

    /// A fleet summary's findings appendix: where each host's details are, then the information systems' management
    /// findings, which no host report carries.
    func systemFindings(folder: String) -> [DocumentBlock] {
        var systems = model.result
        systems.hosts = systems.hosts.filter(\.isSystem)
        let note = DocumentBlock.paragraph(strings.format(FleetString.detailsNote, folder + "/"), .note)
        guard !systems.hosts.isEmpty else { return [note] }
        return [note] + ReportBlocks(ReportModel(systems, language: model.language)).detailedFindings
    }
}

extension LanSection {
    /// One segment: its counters, risky observations, services and hosts.
    var blocks: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [.heading(3, "", segmentLine), .paragraph(countersLine, .note)]
        blocks.append(.heading(4, "", s[.lanRisksHeading]))
        if risks.isEmpty {
            blocks.append(.paragraph(s[.lanNoRisks]))
        } else {
            blocks.append(
                .table(
                    DocumentTable(
                        [s[.fieldSeverity], s[.columnObservation], s[.columnWhere2], s[.columnEvidencePackets]],
                        risks.map { risk in
                            [
                                [.text(s.severity(risk.severity))], [.text(risk.text)], [.identifier(risk.between)],
                                [.text(risk.packets)],
                            ]
                        }, widths: [12, 40, 30, 18])))
        }
        blocks.append(.heading(4, "", s[.lanServicesHeading]))
        if serviceRows.isEmpty {
            blocks.append(.paragraph(s[.lanNoServices]))
        } else {
            blocks.append(
                .table(
                    DocumentTable(
                        [s[.columnIP], s[.columnPort], s[.columnService], s[.columnMethod], s[.columnEvidencePackets]],
                        text: serviceRows)))
        }
        blocks.append(.heading(4, "", s[.lanHostsHeading]))
        if hostRows.isEmpty {
            blocks.append(.paragraph(s[.lanNoHosts]))
        } else {
            blocks.append(
                .table(
                    DocumentTable(
                        [s[.columnIP], s[.columnMAC], s[.columnFirstSeen], s[.columnLastSeen], s[.columnPackets]],
                        text: hostRows, numeric: [4], small: true)))
            if hiddenHosts > 0 {
                blocks.append(.paragraph(s.format(.lanHostsTruncated, "\(hiddenHosts)"), .note))
            }
        }
        for table in detailTables + linkTables {
            blocks.append(.heading(4, "", table.title))
            blocks.append(.table(DocumentTable(table.headers, text: table.rows, small: true)))
            if let note = table.note { blocks.append(.paragraph(note, .note)) }
        }
        return blocks
    }
}

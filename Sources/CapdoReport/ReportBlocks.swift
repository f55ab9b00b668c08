import CapdoCore

/// The report's detail parts as document blocks, each built once for every writer: waivers, thresholds, findings
/// with their evidence, compact checks, hosts and collection issues, LAN, TLS and anti-malware, changes.
struct ReportBlocks {
    let model: ReportModel

    init(_ model: ReportModel) {
        self.model = model
    }

    var strings: ReportStrings { model.strings }

    var waivers: [DocumentBlock] {
        let s = strings
        if model.result.waivers.isEmpty { return [.paragraph(s[.noWaivers])] }
        var blocks: [DocumentBlock] = []
        for (key, list) in [
            (ReportString.waiversInForce, model.waiversInForce), (.waiversExpired, model.waiversExpired),
        ] {
            blocks.append(.heading(3, "", s[key]))
            if key == .waiversExpired && !list.isEmpty { blocks.append(.paragraph(s[.expiredNote])) }
            if list.isEmpty {
                blocks.append(.paragraph(s[.noWaivers], .note))
                continue
            }
            blocks.append(
                .table(
                    DocumentTable(
                        [
                            s[.columnWaiverRule] + " / " + s[.columnScope], s[.columnJustification],
                            s[.columnApprovedBy] + " / " + s[.columnExpires],
                            s[.columnApplied] + " / " + s[.columnTicket],
                        ],
                        list.map { status in
                            let waiver = status.waiver
                            return [
                                [.identifier(waiver.rule), .lineBreak, .muted([.identifier(model.scope(of: waiver))])],
                                [.text(waiver.justification)],
                                [
                                    .text(waiver.approvedBy), .lineBreak,
                                    .text((waiver.issued.map(s.day) ?? "–") + " – " + s.day(waiver.expires)),
                                ],
                                [
                                    .text(String(status.applied)), .lineBreak, .identifier(waiver.ticket ?? "–"),
                                    .lineBreak, .muted([.identifier(waiver.location?.description ?? "–")]),
                                ],
                            ]
                        }, widths: [28, 36, 20, 16], small: true)))
        }
        return blocks
    }

    /// The profile, rule set and regime, then every threshold with its source.
    var thresholds: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [
            .fields([
                DocumentField(s[.profileLabel], model.profileText), DocumentField(s[.ruleSetLabel], model.ruleSetText),
                DocumentField(s[.regimeLabel], model.regimeText),
                DocumentField(s[.scannerLabel], "\(model.result.scanner.name) \(model.result.scanner.version)"),
            ]),
            .paragraph(s[.thresholdsIntro]),
        ]
        let variables = model.result.profile.variables.sorted { $0.name < $1.name }
        if variables.isEmpty { return blocks + [.paragraph(s[.noVariables], .note)] }
        blocks.append(
            .table(
                DocumentTable(
                    [s[.columnVariable], s[.columnValue], s[.columnSource], s[.columnMeaning]],
                    variables.map { variable in
                        [
                            [.identifier(variable.name)], [.text(variable.value)],
                            [.text(s.thresholdSource(variable.source))],
                            [.text(variable.description?.text(model.language) ?? "")],
                        ]
                    }, widths: [28, 12, 25, 35], small: true)))
        return blocks
    }

    /// Per item, its rules and its clauses, new-regime ids marked as references.
    var itemRules: [DocumentBlock] {
        let s = strings
        return [
            .table(
                DocumentTable(
                    [s[.columnItem], s[.columnTCVN], s[.columnRules]],
                    model.summary.items.map { row in
                        var clause: [DocumentSpan] = [.text(row.control.tcvn11930 ?? "–")]
                        let newIDs = model.newRegimeIDs(of: row)
                        if !newIDs.isEmpty {
                            clause += [
                                .lineBreak,
                                .muted([
                                    .text(newIDs.joined(separator: "; ") + " ("),
                                    .emphasis([.text(s[DocumentString.referenceOnly])]), .text(")"),
                                ]),
                            ]
                        }
                        return [
                            [.text(row.control.reference)], clause,
                            DocumentSpan.lines(
                                model.rules(of: row).map { rule in
                                    guard row.control.rules.contains(rule) else { return [.identifier(rule)] }
                                    let strength = s.strength(row.control.strength(of: rule))
                                    return [.identifier(rule), .muted([.text(" (\(strength))")])]
                                }),
                        ]
                    }, widths: [14, 36, 50], small: true))
        ]
    }

    /// The findings needing action or waived, by severity, each with its evidence and remediation.
    var detailedFindings: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [.paragraph(s[DocumentString.detailIntro])]
        if model.detailed.isEmpty { blocks.append(.paragraph(s[.noActionFindings])) }
        for group in model.severityGroups {
            blocks.append(.heading(3, "", s.format(.severityHeading, s.severity(group.severity))))
            blocks += group.findings.map(finding)
        }
        return blocks
    }

    func finding(_ finding: Finding) -> DocumentBlock {
        let s = strings
        var inner: [DocumentBlock] = [
            .heading(
                DocumentHeading(
                    level: 4,
                    "\(StatusMark.symbol(finding.status)) \(s.status(finding.status)) – "
                        + "\(finding.title.text(model.language)) – \(finding.host)"))
        ]
        var fields = [
            DocumentField(s[.fieldRule], [.identifier(finding.ruleID)]),
            DocumentField(s[.fieldSeverity], s.severity(finding.severity)),
            DocumentField(s[.fieldRequirement], model.requirementText(finding.requirement)),
            DocumentField(s[.fieldThreshold], s.thresholdSource(finding.thresholdSource)),
            DocumentField(s[.fieldRuleFile], [.identifier(finding.ruleLocation)]),
        ]
        if let reason = finding.reason { fields.append(DocumentField(s[.fieldReason], reason.text(model.language))) }
        if let waiver = finding.waiver { fields.append(DocumentField(s[.fieldWaiver], model.waiverText(waiver))) }
        inner.append(.fields(fields))
        if finding.evidence.isEmpty {
            inner.append(.paragraph(s[.noEvidence], .note))
        } else {
            inner.append(
                .table(
                    DocumentTable(
                        [s[.fieldEvidence], s[.columnOutcome]], EvidenceText.rows(finding, model: model),
                        widths: [84, 16], small: true)))
        }
        inner.append(
            .paragraph(
                [.strong([.text(s[.fieldRemediation] + ":")]), .text(" " + finding.remediation.text(model.language))],
                .normal))
        return .box(.finding, inner)
    }

    /// The checks that passed, do not apply or were not assessed, one line each with their proof.
    var compact: [DocumentBlock] {
        let s = strings
        if model.compact.isEmpty { return [.paragraph(s[.compactIntro])] }
        return [
            .table(
                DocumentTable(
                    [
                        s[.columnStatus], s[.fieldRule] + " / " + s[.columnRequirement],
                        s[.columnItem] + " / " + s[.columnHosts], s[.columnNote],
                    ],
                    model.compact.map { finding in
                        [
                            [.status(finding.status, label: s.status(finding.status))],
                            [.identifier(finding.ruleID), .lineBreak, .text(finding.title.text(model.language))],
                            [.text(finding.requirement.tt12), .lineBreak, .identifier(finding.host)],
                            [.text(model.note(finding))],
                        ]
                    }, widths: [14, 28, 14, 44], small: true))
        ]
    }

    /// The hosts, how each was read, and what the collectors could not read.
    var hostsAndIssues: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [.paragraph(s[.methodText])]
        if model.hosts.isEmpty { return blocks + [.paragraph(s[.noHosts])] }
        blocks.append(
            .table(
                DocumentTable(
                    [
                        s[.columnHost], s[.columnMode], s[.columnRoot], s[.columnOS], s[.columnKernel],
                        s[.columnCollectedAt], s[.columnPackages], s[.columnCollectors], s[.columnIssues],
                    ],
                    model.hosts.map { host in
                        [
                            [.identifier(host.host)], [.text(host.live ? s[.modeLive] : s[.modeSnapshot])],
                            [.identifier(host.root)], [.text(host.os ?? s[.unknown])],
                            [.identifier(host.kernel ?? s[.unknown])], [.text(s.timestamp(host.collectedAt))],
                            [.text(host.packageCount.map(String.init) ?? "–")], [.text(String(host.collectors.count))],
                            [.text(String(host.issues.count))],
                        ]
                    }, widths: [13, 9, 13, 12, 11, 11, 10, 11, 10], numeric: [6, 7, 8], small: true)))
        blocks.append(.heading(3, "", s[.issuesHeading]))
        let issues = model.hosts.flatMap { host in host.issues.map { (host.host, $0) } }
        if issues.isEmpty { return blocks + [.paragraph(s[.noIssues])] }
        blocks.append(
            .table(
                DocumentTable(
                    [s[.columnHost], s[.columnCollector], s[.columnLevel], s[.columnFile], s[.columnMessage]],
                    issues.map { host, issue in
                        let file = issue.file.map { file in issue.line.map { "\(file):\($0)" } ?? file } ?? "–"
                        return [
                            [.identifier(host)], [.identifier(issue.collector)], [.text(s.issueLevel(issue.level))],
                            [.identifier(file)], [.code(issue.message)],
                        ]
                    }, widths: [16, 16, 10, 18, 40], small: true)))
        return blocks
    }

    /// The certificate inventory and the anti-malware table, each when collected.
    var tlsAndAntivirus: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = []
        if model.hasTLSFacts {
            blocks.append(.paragraph(s[.tlsInventoryIntro]))
            blocks.append(
                .table(
                    DocumentTable(
                        model.certificateHeaders, text: model.certificateInventory.map(model.certificateCells),
                        numeric: [0], small: true)))
            blocks += model.tlsLimitations.map { .paragraph($0, .note) }
        } else {
            blocks.append(.paragraph(s[.tlsNotCollected], .note))
        }
        if model.hasAntivirusFacts {
            blocks.append(.paragraph(s[.antivirusIntro]))
            blocks.append(
                .table(
                    DocumentTable(
                        model.antivirusHeaders, text: model.antivirusRows.map(model.antivirusCells), numeric: [3],
                        small: true)))
        } else {
            blocks.append(.paragraph(s[.tlsAntivirusNotCollected], .note))
        }
        return blocks
    }

    /// New, resolved and changed findings, inventory changes and the score trend.
    func changes(_ changes: ScanChanges) -> [DocumentBlock] {
        let s = strings
        let section = ChangesSection(changes, strings: s)
        var blocks: [DocumentBlock] = section.intro.map { .paragraph($0) }
        for table in section.findingTables {
            blocks.append(.heading(3, "", table.heading))
            blocks.append(
                .table(
                    DocumentTable(
                        section.findingHeaders, text: table.rows, widths: [14, 30, 8, 10, 10, 28], small: true)))
        }
        if let inventory = section.inventory {
            blocks.append(.heading(3, "", inventory.heading))
            blocks.append(
                .table(
                    DocumentTable(
                        section.inventoryHeaders, text: inventory.rows, widths: [16, 12, 4, 24, 22, 22], small: true)))
        }
        if !changes.trend.isEmpty {
            blocks.append(.heading(3, "", s[.changesTrendHeading]))
            blocks.append(.chart(svg: HTMLTrendChart(points: changes.trend, strings: s).render(), text: ""))
            blocks.append(
                .table(
                    DocumentTable(
                        section.trendHeaders, text: section.trendRows,
                        numeric: Set(1...RequirementGroup.allCases.count), small: true)))
        }
        return blocks
    }
}

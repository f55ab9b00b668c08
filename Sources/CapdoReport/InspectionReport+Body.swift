import CapdoCore

/// The body after page 1: the items, the checklist per host, the limits, waivers, recommendations and signatures.
extension InspectionReport {
    /// One row per Phụ lục II item: verdict, checks by status and (for several hosts) the hosts not yet meeting it.
    var itemsSection: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [
            .heading(2, "2.", s[.sectionItems], anchor: "items"), .paragraph(s[.itemsIntro]),
        ]
        if model.summary.items.isEmpty { return blocks + [.paragraph(s[.noControls])] }
        if let note = managementElsewhere { blocks.append(.paragraph(note, .note)) }
        let several = model.hosts.count > 1
        var headers = [s[.columnItem], s[.columnRequirement], s[.columnVerdict], s[DocumentString.columnChecks]]
        if several { headers.append(s[DocumentString.columnHostsOpen]) }
        let rows = model.summary.items.map { row -> [[DocumentSpan]] in
            let control = row.control
            var title: [DocumentSpan] = [.text(control.title.text(model.language))]
            if control.newAtLevel2 { title += [.text(" "), .tag(s[.newAtLevel2])] }
            title += [.lineBreak, .muted([.text("\(s[.columnCoverage]): \(s.coverage(control.coverage))")])]
            var cells: [[DocumentSpan]] = [
                [.text(control.reference)], title, [.verdict(row.verdict, label: s.verdict(row.verdict))],
                [.text(checkCounts(row.statusCounts))],
            ]
            if several {
                let open = Set(row.findings.filter { $0.status.needsAction }.map(\.host)).sorted()
                cells.append(open.isEmpty ? [.text("–")] : hostList(open))
            }
            return cells
        }
        blocks.append(
            .table(DocumentTable(headers, rows, widths: several ? [11, 42, 17, 15, 15] : [12, 50, 19, 19])))
        blocks.append(.paragraph(s[DocumentString.coverageLegend], .note))
        blocks += groupScores
        if let matrix = HostMatrixSection(model.result, strings: s) {
            blocks.append(.heading(3, "", s[FleetString.matrixHeading]))
            blocks += matrix.blocks(limit: isFleetSummary ? HostMatrixSection.summaryRows : nil)
        }
        return blocks
    }

    /// For one host's detail report of a fleet: its systems' management items are judged in the summary, not here.
    /// Nil elsewhere (a single host keeps its management findings; a summary carries the systems' entries).
    var managementElsewhere: String? {
        guard model.hosts.count == 1, let host = model.hosts.first, !host.isSystem,
            let systems = model.result.systems?.filter({ $0.hosts.contains(host.host) }), !systems.isEmpty,
            !host.findings.contains(where: { $0.group == .management })
        else { return nil }
        return strings.format(
            FleetString.managementElsewhere, systems.map(\.name).joined(separator: ", "), host.host)
    }

    /// "3 Đạt · 1 Không đạt" over the statuses present, most urgent first.
    func checkCounts(_ counts: [FindingStatus: Int]) -> String {
        let parts = FindingStatus.allCases.sorted { $0.rank < $1.rank }.compactMap { status -> String? in
            guard let count = counts[status], count > 0 else { return nil }
            return "\(count) \(strings.status(status))"
        }
        return parts.isEmpty ? "–" : parts.joined(separator: " · ")
    }

    /// Scores per requirement group and, when known, the Mẫu 08 table per information system.
    var groupScores: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [
            .heading(3, "", s[.groupChartHeading]),
            .chart(
                svg: HTMLBarChart(groups: model.summary.groups, strings: s).render(),
                text: ScoreChartText.render(model.summary.groups, strings: s)),
        ]
        blocks.append(
            .table(
                DocumentTable(
                    model.groupHeaders,
                    text: model.summary.groups.map { group -> [String] in
                        [
                            s.group(group.group),
                            group.score.map { "\(ReportModel.percent($0)) %" } ?? s[.notJudged],
                        ] + model.groupCounts(group)
                    }, numeric: [1, 2, 3, 4, 5, 6], small: true)))
        blocks.append(.paragraph(s[.scoreNote], .note))
        if let rows = model.systemRows {
            blocks.append(.heading(3, "", s[.systemsHeading]))
            blocks.append(.table(DocumentTable(model.systemHeaders, text: rows, numeric: [3, 4], small: true)))
            blocks.append(.paragraph(s[.systemsNote], .note))
        }
        return blocks
    }

    /// Per host, what to fix: a box to tick, the severity, the finding and its remediation.
    var fixesSection: [DocumentBlock] {
        let s = strings
        let heading = DocumentBlock.heading(2, "3.", s[DocumentString.fixesHeading], anchor: "fixes")
        let byHost = model.hosts.map { host in (host, host.findings.filter { $0.status.needsAction }) }
        if byHost.allSatisfy(\.1.isEmpty) { return [heading, .paragraph(s[.noPlan])] }
        if isFleetSummary {
            // The information systems' management items are judged here only: their checklists stay in the summary.
            return [heading] + fleetFixes + byHost.filter { $0.0.isSystem }.flatMap(checklist)
        }
        return [heading, .paragraph(s[DocumentString.fixesIntro])] + byHost.flatMap(checklist)
    }

    /// One host's (or information system's) checklist: a box to tick, the status, the finding and its remediation.
    func checklist(_ host: HostResult, _ findings: [Finding]) -> [DocumentBlock] {
        let s = strings
        let heading = DocumentBlock.heading(3, "", host.host + (host.os.map { " (\($0))" } ?? ""))
        if findings.isEmpty { return [heading, .paragraph(s[DocumentString.hostNothingToFix], .note)] }
        return [
            heading,
            .table(
                DocumentTable(
                    ["", s[.fieldSeverity], s[DocumentString.columnFinding], s[.columnAction]],
                    Finding.sortedForReport(findings).map { finding in
                        [
                            [.checkbox], [.status(finding.status, label: s.status(finding.status))],
                            [
                                .text(finding.title.text(model.language)), .lineBreak,
                                .muted([.text(finding.requirement.tt12 + " · "), .identifier(finding.ruleID)]),
                            ],
                            [.text(finding.remediation.text(model.language))],
                        ]
                    }, widths: [5, 16, 37, 42])),
        ]
    }

    /// A fleet summary's fixes: one row per rule needing action on hosts, with those hosts; each host's checklist is
    /// in its detail report (the systems' checklists follow this table).
    var fleetFixes: [DocumentBlock] {
        let s = strings
        let systems = Set(model.hosts.filter(\.isSystem).map(\.host))
        let rows = model.plan.compactMap { row -> ReportModel.PlanRow? in
            var row = row
            row.hosts = row.hosts.filter { !systems.contains($0) }
            return row.hosts.isEmpty ? nil : row
        }
        if rows.isEmpty { return [] }
        return [
            .paragraph(s[FleetString.fixesIntro]),
            .table(
                DocumentTable(
                    [
                        s[.columnNumber], s[.fieldSeverity], s[DocumentString.columnFinding],
                        s[FleetString.columnRuleHosts], s[.columnHosts],
                    ],
                    rows.enumerated().map { index, row in
                        [
                            [.text(String(index + 1))], [.text(s.severity(row.severity))],
                            [
                                .text(row.title), .lineBreak,
                                .muted([.text(row.requirement.tt12 + " · "), .identifier(row.ruleID)]),
                            ],
                            [.text(String(row.hosts.count))], hostList(row.hosts),
                        ]
                    }, widths: [7, 13, 45, 10, 25], numeric: [0, 3])),
        ]
    }

    /// What the inspection could not see, and why, from the hosts' facts and findings.
    var limitsSection: [DocumentBlock] {
        let s = strings
        let lines = InspectionLimits(model).lines
        return [.heading(2, "4.", s[DocumentString.limitsHeading], anchor: "limits")]
            + (lines.isEmpty
                ? [.paragraph(s[DocumentString.noLimits])] : [.list(lines.map { [.text($0)] }, ordered: false)])
    }

    /// Waivers in force and expired.
    var waiversSection: [DocumentBlock] {
        let s = strings
        let applied = model.waiversInForce.filter { $0.applied > 0 }.count
        let text =
            model.result.waivers.isEmpty
            ? s[.noWaivers]
            : s.format(
                DocumentString.waiversSummary, String(model.waiversInForce.count), String(applied),
                String(model.waiversExpired.count))
        return [.heading(2, "5.", s[.sectionWaivers], anchor: "waivers"), .paragraph(text)]
    }

    /// Recommendations, the foot with recipients and signer, and the system owner's confirmation.
    var closingSection: [DocumentBlock] {
        let s = strings
        var blocks: [DocumentBlock] = [.heading(2, "6.", s[DocumentString.recommendationsSection], anchor: "recommend")]
        blocks.append(.list(model.recommendations.map { [.text($0)] }, ordered: true))
        blocks.append(DocumentParts.foot(model))
        let owner = model.result.systems?.first?.owner
        blocks.append(.heading(3, "", s[DocumentString.confirmationHeading]))
        blocks.append(.paragraph(s[DocumentString.confirmationText]))
        blocks.append(
            .signatures(
                DocumentSignatures(columns: [
                    .signer(
                        date: s[.signDate],
                        titles: [s[DocumentString.ownerRepresentative]] + (owner.map { [$0] } ?? []),
                        hint: s[.signHint], name: nil)
                ])))
        return blocks
    }
}

extension FindingStatus {
    /// Whether a finding with this status asks someone to act: fix, resolve, repair collection or attest.
    var needsAction: Bool { self == .fail || self == .warn || self == .error || self == .manual }
}

import CapdoCore

/// The report as Markdown that renders on any Git forge (CommonMark + GFM tables), with no raw HTML.
///
/// Same sections and content as `HTMLReporter`; every host-derived string goes through `MarkdownEscaper`.
public struct MarkdownReporter: Reporter {
    public let format = "md"
    public let fileExtension = "md"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        let model = ReportModel(result, language: language)
        var md = header(model)
        md += basis(model)
        md += scope(model)
        md += summary(model)
        md += HostMatrixSection.markdown(result, language: language)
        md += items(model)
        md += findings(model)
        md += lan(model)
        md +=
            model.hasTLSFacts || model.hasAntivirusFacts
            ? tlsAndAntivirus(model) : notInThisScan(model, number: 7, heading: .sectionTlsAv)
        md += result.changes.map { changes(model, $0) } ?? notInThisScan(model, number: 8, heading: .sectionChanges)
        md += waivers(model)
        md += plan(model)
        md += conclusion(model)
        md += "---\n\n_\(e(model.generatedByText))_\n"
        return md
    }
}

private extension MarkdownReporter {
    func e(_ text: String) -> String { MarkdownEscaper.escape(text) }

    func c(_ text: String) -> String { MarkdownEscaper.cell(text) }

    func mark(_ status: FindingStatus, _ s: ReportStrings) -> String {
        "**\(StatusMark.symbol(status)) \(e(s.status(status)))**"
    }

    func mark(_ verdict: ItemVerdict, _ s: ReportStrings) -> String {
        "**\(StatusMark.symbol(verdict)) \(e(s.verdict(verdict)))**"
    }

    func heading(_ number: Int, _ key: ReportString, _ s: ReportStrings) -> String {
        "## \(number). \(e(s[key]))\n\n"
    }

    /// A GFM table; `cells` are already escaped. Columns in `numeric` are right-aligned.
    func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var md = "| " + headers.map(c).joined(separator: " | ") + " |\n|"
        for index in headers.indices { md += numeric.contains(index) ? " ---: |" : " --- |" }
        md += "\n"
        for row in rows { md += "| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n" }
        return md + "\n"
    }

    func field(_ label: String, _ value: String) -> String {
        "- **\(e(label)):** \(value)\n"
    }

    func header(_ model: ReportModel) -> String {
        let s = model.strings
        var md = "**\(e(model.organisationName))**"
        if let department = model.departmentName { md += " · **\(e(department))**" }
        md += "\n\n\(e(s[.nationalName])) · \(e(s[.nationalMotto]))\n\n"
        md += "_\(e(s.documentDate(model.result.finishedAt)))_\n\n"
        md += "# \(e(s[.reportTitle]))\n\n_\(e(model.subtitle))_\n\n"
        if let system = model.result.organisation.system { md += field(s[.systemLabel], e(system)) }
        md += field(s[.scanTimeLabel], e(model.scanTimeText))
        md += field(s[.scopeLabel], e(model.scopeText))
        md += field(s[.overallLabel], "**\(e(model.conclusionSummary))**")
        md += field(s[.profileLabel], e(model.profileText))
        md += field(s[.ruleSetLabel], e(model.ruleSetText))
        md += field(s[.regimeLabel], e(model.regimeText))
        md += field(s[.scannerLabel], e("\(model.result.scanner.name) \(model.result.scanner.version)"))
        return md + "\n"
    }

    func basis(_ model: ReportModel) -> String {
        let s = model.strings
        var md = heading(1, .sectionBasis, s) + "\(e(s[.basisIntro]))\n\n"
        for key in [ReportString.basisND85, .basisTT12, .basisTCVN11930, .basisNewRegime] { md += "- \(e(s[key]))\n" }
        md += "\n\(e(s[.thresholdsIntro]))\n\n"
        let variables = model.result.profile.variables.sorted { $0.name < $1.name }
        if variables.isEmpty { return md + "\(e(s[.noVariables]))\n\n" }
        return md
            + table(
                [s[.columnVariable], s[.columnValue], s[.columnSource], s[.columnMeaning]],
                variables.map { variable in
                    [
                        c(variable.name), c(variable.value), c(s.thresholdSource(variable.source)),
                        c(variable.description?.text(model.language) ?? ""),
                    ]
                })
    }

    func scope(_ model: ReportModel) -> String {
        let s = model.strings
        var md = heading(2, .sectionScope, s)
        if let system = model.result.organisation.system { md += "\(e(s.format(.scopeSystem, system)))\n\n" }
        md += "\(e(s[.methodText]))\n\n\(e(s[.scanTimeLabel])): \(e(model.scanTimeText))\n\n"
        md += "### \(e(s[.hostsHeading]))\n\n"
        if model.hosts.isEmpty { return md + "\(e(s[.noHosts]))\n\n" }
        return md
            + table(
                [
                    s[.columnHost], s[.columnMode], s[.columnRoot], s[.columnOS], s[.columnKernel],
                    s[.columnCollectedAt], s[.columnPackages], s[.columnCollectors], s[.columnIssues],
                ],
                model.hosts.map { host in
                    [
                        c(host.host), c(host.live ? s[.modeLive] : s[.modeSnapshot]), c(host.root),
                        c(host.os ?? s[.unknown]), c(host.kernel ?? s[.unknown]), c(s.timestamp(host.collectedAt)),
                        host.packageCount.map(String.init) ?? "–", String(host.collectors.count),
                        String(host.issues.count),
                    ]
                }, numeric: [6, 7, 8])
    }

    func summary(_ model: ReportModel) -> String {
        let s = model.strings
        let headline = model.conclusionHeadline
        var md = heading(3, .sectionSummary, s)
        md += "> **\(e(s[.overallLabel])): \(headline.symbol) \(e(headline.text))**\n"
        for line in model.conclusionDetails { md += ">\n> \(e(line))\n" }
        md += "\n"
        md += "### \(e(s[.countsHeading]))\n\n"
        var rows = FindingStatus.allCases.sorted { $0.rank < $1.rank }.map { [mark($0, s), String(model.count($0))] }
        rows.append(["**\(e(s[.total]))**", "**\(model.findings.count)**"])
        md += table([s[.columnStatus], s[.columnCount]], rows, numeric: [1])
        md += "### \(e(s[.groupChartHeading]))\n\n" + chart(model) + "\n"
        md += table(
            model.groupHeaders,
            model.summary.groups.map { group in
                [
                    c(s.group(group.group)), group.score.map { "\(ReportModel.percent($0)) %" } ?? c(s[.notJudged]),
                ] + model.groupCounts(group)
            }, numeric: [1, 2, 3, 4, 5, 6])
        md += "_\(e(s[.scoreNote]))_\n\n"
        if let rows = model.systemRows {
            md += "### \(e(s[.systemsHeading]))\n\n"
            md += table(model.systemHeaders, rows.map { $0.map(c) }, numeric: [3, 4])
            md += "_\(e(s[.systemsNote]))_\n\n"
        }
        return md
    }

    /// A text bar chart in a code block (catalogue strings and numbers only, nothing host-derived).
    func chart(_ model: ReportModel) -> String {
        let s = model.strings
        let labels = model.summary.groups.map { s.group($0.group) }
        let width = labels.map(\.count).max() ?? 0
        var md = "```text\n"
        for (group, label) in zip(model.summary.groups, labels) {
            let padded = label + String(repeating: " ", count: width - label.count)
            if let score = group.score {
                let filled = Int((score / 5).rounded())
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
                let percent = String(ReportModel.percent(score))
                md += "\(padded)  \(bar) \(String(repeating: " ", count: 3 - percent.count))\(percent) %\n"
            } else {
                md += "\(padded)  \(String(repeating: "·", count: 20)) \(s[.notJudged])\n"
            }
        }
        return md + "```\n"
    }

    func items(_ model: ReportModel) -> String {
        let s = model.strings
        let md = heading(4, .sectionItems, s) + "\(e(s[.itemsIntro]))\n\n"
        if model.summary.items.isEmpty { return md + "\(e(s[.noControls]))\n\n" }
        return md
            + table(
                [
                    s[.columnItem], s[.columnRequirement], s[.columnTCVN], s[.columnVerdict], s[.columnRules],
                    s[.columnHosts],
                ],
                model.summary.items.map { row in
                    let control = row.control
                    var title = e(control.title.text(model.language))
                    if control.newAtLevel2 { title += " _\\(\(e(s[.newAtLevel2]))\\)_" }
                    title += " · \(e(s[.columnCoverage])): \(e(s.coverage(control.coverage)))"
                    let clause = ([control.tcvn11930 ?? "–"] + model.newRegimeIDs(of: row)).map(e)
                        .joined(separator: "; ")
                    return [
                        c(control.reference), title, clause, mark(row.verdict, s),
                        c(model.rules(of: row).joined(separator: ", ")),
                        c(model.hosts(of: row).joined(separator: ", ")),
                    ]
                })
    }

    func findings(_ model: ReportModel) -> String {
        let s = model.strings
        var md = heading(5, .sectionFindings, s) + "\(e(s[.findingsIntro]))\n\n"
        if model.detailed.isEmpty { md += "\(e(s[.noActionFindings]))\n\n" }
        for group in model.severityGroups {
            md += "### \(e(s.format(.severityHeading, s.severity(group.severity))))\n\n"
            for finding in group.findings { md += self.finding(finding, model) }
        }
        md += "### \(e(s[.compactHeading]))\n\n"
        if model.compact.isEmpty {
            md += "\(e(s[.compactIntro]))\n\n"
        } else {
            md += table(
                [
                    s[.columnStatus], s[.fieldRule], s[.columnRequirement], s[.columnItem], s[.columnHosts],
                    s[.columnNote],
                ],
                model.compact.map { finding in
                    [
                        mark(finding.status, s), c(finding.ruleID), c(finding.title.text(model.language)),
                        c(finding.requirement.tt12), c(finding.host), c(model.note(finding)),
                    ]
                })
        }
        md += "### \(e(s[.issuesHeading]))\n\n"
        let issues = model.hosts.flatMap { host in host.issues.map { (host.host, $0) } }
        if issues.isEmpty { return md + "\(e(s[.noIssues]))\n\n" }
        return md
            + table(
                [s[.columnHost], s[.columnCollector], s[.columnLevel], s[.columnFile], s[.columnMessage]],
                issues.map { host, issue in
                    let file = issue.file.map { file in issue.line.map { "\(file):\($0)" } ?? file } ?? "–"
                    return [c(host), c(issue.collector), c(s.issueLevel(issue.level)), c(file), c(issue.message)]
                })
    }

    func finding(_ finding: Finding, _ model: ReportModel) -> String {
        let s = model.strings
        var md = "#### \(mark(finding.status, s)) \(e(finding.title.text(model.language))) – \(e(finding.host))\n\n"
        md += field(s[.fieldRule], e(finding.ruleID))
        md += field(s[.fieldRequirement], e(model.requirementText(finding.requirement)))
        md += field(s[.fieldSeverity], e(s.severity(finding.severity)))
        md += field(s[.fieldHost], e(finding.host))
        if let reason = finding.reason { md += field(s[.fieldReason], e(reason.text(model.language))) }
        md += field(s[.fieldThreshold], e(s.thresholdSource(finding.thresholdSource)))
        md += field(s[.fieldRuleFile], e(finding.ruleLocation))
        if let waiver = finding.waiver { md += field(s[.fieldWaiver], e(model.waiverText(waiver))) }
        md += "\n"
        if finding.evidence.isEmpty {
            md += "_\(e(s[.noEvidence]))_\n\n"
        } else {
            md += table(
                [s[.columnSubject], s[.columnExpected], s[.columnFound], s[.columnWhere], s[.columnOutcome]],
                finding.evidence.map { evidence in
                    [
                        c(evidence.subject), c(evidence.expected), c(evidence.found), c(evidence.location ?? ""),
                        "\(StatusMark.symbol(evidence.outcome)) \(e(s.outcome(evidence.outcome)))",
                    ]
                })
        }
        return md + "**\(e(s[.fieldRemediation])):** \(e(finding.remediation.text(model.language)))\n\n"
    }

    /// Section 6: per LAN segment, hosts, exposed services and risky observations with packet numbers.
    func lan(_ model: ReportModel) -> String {
        let s = model.strings
        let sections = LanSection.sections(model.result, s)
        if sections.isEmpty { return notInThisScan(model, number: 6, heading: .sectionLan) }
        var md = heading(6, .sectionLan, s) + "\(e(s[.lanIntro]))\n\n"
        for section in sections {
            md += "### \(e(section.segmentLine))\n\n_\(e(section.countersLine))_\n\n"
            md += "#### \(e(s[.lanRisksHeading]))\n\n"
            let risks = section.risks
            if risks.isEmpty {
                md += "\(e(s[.lanNoRisks]))\n\n"
            } else {
                md += table(
                    [s[.fieldSeverity], s[.columnObservation], s[.columnWhere2], s[.columnEvidencePackets]],
                    risks.map { [c(s.severity($0.severity)), c($0.text), c($0.between), c($0.packets)] })
            }
            md += "#### \(e(s[.lanServicesHeading]))\n\n"
            if section.serviceRows.isEmpty {
                md += "\(e(s[.lanNoServices]))\n\n"
            } else {
                md += table(
                    [s[.columnIP], s[.columnPort], s[.columnService], s[.columnMethod], s[.columnEvidencePackets]],
                    section.serviceRows.map { $0.map(c) })
            }
            md += "#### \(e(s[.lanHostsHeading]))\n\n"
            if section.hostRows.isEmpty {
                md += "\(e(s[.lanNoHosts]))\n\n"
            } else {
                md += table(
                    [s[.columnIP], s[.columnMAC], s[.columnFirstSeen], s[.columnLastSeen], s[.columnPackets]],
                    section.hostRows.map { $0.map(c) }, numeric: [4])
                if section.hiddenHosts > 0 {
                    md += "_\(e(s.format(.lanHostsTruncated, "\(section.hiddenHosts)")))_\n\n"
                }
            }
        }
        return md
    }

    func notInThisScan(_ model: ReportModel, number: Int, heading key: ReportString) -> String {
        heading(number, key, model.strings) + "_\(e(model.strings[.notInThisScan]))_\n\n"
    }

    /// Section 7: the certificate inventory and the anti-malware status table, each when collected.
    func tlsAndAntivirus(_ model: ReportModel) -> String {
        let s = model.strings
        var md = heading(7, .sectionTlsAv, s)
        md += model.hasTLSFacts ? certificateInventory(model) : "_\(e(s[.tlsNotCollected]))_\n\n"
        md += model.hasAntivirusFacts ? antivirusTable(model) : "_\(e(s[.tlsAntivirusNotCollected]))_\n\n"
        return md
    }

    func certificateInventory(_ model: ReportModel) -> String {
        let rows = model.certificateInventory.map { model.certificateCells($0).map { c($0) } }
        return "\(e(model.strings[.tlsInventoryIntro]))\n\n" + table(model.certificateHeaders, rows, numeric: [0])
            + model.tlsLimitations.map { "_\(e($0))_\n\n" }.joined()
    }

    func antivirusTable(_ model: ReportModel) -> String {
        let rows = model.antivirusRows.map { model.antivirusCells($0).map { c($0) } }
        return "\(e(model.strings[.antivirusIntro]))\n\n" + table(model.antivirusHeaders, rows, numeric: [3])
    }

    func changes(_ model: ReportModel, _ changes: ScanChanges) -> String {
        let s = model.strings
        let section = ChangesSection(changes, strings: s)
        var md = heading(8, .sectionChanges, s)
        for line in section.intro { md += e(line) + "\n\n" }
        func cells(_ row: [String]) -> [String] { row.map { c($0).replacingOccurrences(of: "\n", with: "<br>") } }
        for table in section.findingTables {
            md += "### \(e(table.heading))\n\n" + self.table(section.findingHeaders, table.rows.map(cells))
        }
        if let inventory = section.inventory {
            md += "### \(e(inventory.heading))\n\n" + table(section.inventoryHeaders, inventory.rows.map(cells))
        }
        if !changes.trend.isEmpty {
            md += "### \(e(s[.changesTrendHeading]))\n\n"
            md += table(
                section.trendHeaders, section.trendRows.map(cells), numeric: Set(1...RequirementGroup.allCases.count))
        }
        return md
    }

    func waivers(_ model: ReportModel) -> String {
        let s = model.strings
        var md = heading(9, .sectionWaivers, s)
        if model.result.waivers.isEmpty { return md + "\(e(s[.noWaivers]))\n\n" }
        let headers = [
            s[.columnWaiverRule], s[.columnScope], s[.columnJustification], s[.columnApprovedBy], s[.columnIssued],
            s[.columnExpires], s[.columnApplied], s[.columnTicket], s[.columnSource],
        ]
        for (key, list) in [
            (ReportString.waiversInForce, model.waiversInForce), (.waiversExpired, model.waiversExpired),
        ] {
            md += "### \(e(s[key]))\n\n"
            if key == .waiversExpired && !list.isEmpty { md += "\(e(s[.expiredNote]))\n\n" }
            if list.isEmpty {
                md += "_\(e(s[.noWaivers]))_\n\n"
                continue
            }
            md += table(
                headers,
                list.map { status in
                    let waiver = status.waiver
                    return [
                        c(waiver.rule), c(model.scope(of: waiver)), c(waiver.justification), c(waiver.approvedBy),
                        c(waiver.issued.map(s.day) ?? "–"), c(s.day(waiver.expires)), String(status.applied),
                        c(waiver.ticket ?? "–"), c(waiver.location?.description ?? "–"),
                    ]
                }, numeric: [6])
        }
        return md
    }

    func plan(_ model: ReportModel) -> String {
        let s = model.strings
        let md = heading(10, .sectionPlan, s)
        if model.plan.isEmpty { return md + "\(e(s[.noPlan]))\n\n" }
        return md + "\(e(s[.planIntro]))\n\n"
            + table(
                [
                    s[.columnNumber], s[.fieldSeverity], s[.columnStatus], s[.columnItem], s[.columnRequirement],
                    s[.columnHosts], s[.columnAction], s[.columnOwner], s[.columnDeadline],
                ],
                model.plan.enumerated().map { index, row in
                    [
                        String(index + 1), c(s.severity(row.severity)), mark(row.status, s), c(row.requirement.tt12),
                        "\(c(row.title)) · \(e(row.ruleID))", c(row.hosts.joined(separator: ", ")), c(row.remediation),
                        "", "",
                    ]
                }, numeric: [0])
    }

    func conclusion(_ model: ReportModel) -> String {
        let s = model.strings
        var md = heading(11, .sectionConclusion, s)
        for line in model.conclusionLines { md += "\(e(line))\n\n" }
        md += "### \(e(s[.recommendationsHeading]))\n\n"
        for (index, line) in model.recommendations.enumerated() { md += "\(index + 1). \(e(line))\n" }
        md += "\n| \(c(s[.signPreparer])) | \(c(model.signDepartment)) |\n| :---: | :---: |\n"
        md += "| \(c(s[.signDate])) | \(c(s[.signDate])) |\n"
        md += "| _\(c(s[.signHint]))_ | _\(c(s[.signHint]))_ |\n"
        md += String(repeating: "| &nbsp; | &nbsp; |\n", count: 4)
        return md + "\n"
    }
}

import CapdoCore

/// The printable report: one self-contained HTML file (inline CSS and SVG, no script) laid out for A4.
///
/// Sections follow level2-requirements.md §4; every host-derived string goes through `HTMLEscaper`.
public struct HTMLReporter: Reporter {
    public let format = "html"
    public let fileExtension = "html"

    public init() {}

    public func render(_ result: ScanResult, language: Language) -> String {
        let model = ReportModel(result, language: language)
        let s = model.strings
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"\(e(result.scanner.name)) \(e(result.scanner.version))\">\n"
        html += "<title>\(e(s[.reportTitle])) – \(e(model.organisationName))</title>\n"
        html += "<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        html += header(model)
        html += basis(model)
        html += scope(model)
        html += summary(model)
        html += HostMatrixSection.html(result, language: language)
        html += items(model)
        html += findings(model)
        html += lan(model)
        html +=
            model.hasTLSFacts || model.hasAntivirusFacts
            ? tlsAndAntivirus(model) : notInThisScan(model, number: 7, heading: .sectionTlsAv)
        html += result.changes.map { changes(model, $0) } ?? notInThisScan(model, number: 8, heading: .sectionChanges)
        html += waivers(model)
        html += plan(model)
        html += conclusion(model)
        html += "<footer><p class=\"muted\">\(e(model.generatedByText))</p></footer>\n</body>\n</html>\n"
        return html
    }
}

private extension HTMLReporter {
    func e(_ text: String) -> String { HTMLEscaper.escape(text) }

    func badge(_ status: FindingStatus, _ s: ReportStrings) -> String {
        "<span class=\"badge \(StatusMark.cssClass(status))\">\(StatusMark.symbol(status)) \(e(s.status(status)))</span>"
    }

    func badge(_ verdict: ItemVerdict, _ s: ReportStrings) -> String {
        "<span class=\"badge \(StatusMark.cssClass(verdict))\">\(StatusMark.symbol(verdict)) \(e(s.verdict(verdict)))"
            + "</span>"
    }

    func heading(_ number: Int, _ key: ReportString, _ s: ReportStrings) -> String {
        "<h2>\(number). \(e(s[key]))</h2>\n"
    }

    /// `text` escaped, with break opportunities after `.`, `_`, `/` and `-` so long ids and paths wrap cleanly.
    func b(_ text: String) -> String {
        var html = ""
        for character in e(text) {
            html.append(character)
            if character == "." || character == "_" || character == "/" || character == "-" { html += "<wbr>" }
        }
        return html
    }

    /// A table; `cells` are already escaped. `widths` (percent per column) fixes the layout for print.
    func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], widths: [Int] = []) -> String {
        var html = widths.isEmpty ? "<table>\n" : "<table class=\"fixed\">\n<colgroup>"
        if !widths.isEmpty {
            for width in widths { html += "<col style=\"width: \(width)%\">" }
            html += "</colgroup>\n"
        }
        html += "<thead><tr>"
        for (index, header) in headers.enumerated() {
            html += numeric.contains(index) ? "<th class=\"num\">\(e(header))</th>" : "<th>\(e(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += numeric.contains(index) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    func header(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<header>\n<div class=\"doc-head\">\n<div>\n"
        html += "<p>\(e(model.organisationName))</p>\n"
        if let department = model.departmentName {
            html += "<p class=\"strong\">\(e(department))</p>\n"
        }
        html += "<div class=\"rule\"></div>\n</div>\n<div>\n"
        html += "<p class=\"strong\">\(e(s[.nationalName]))</p>\n<p class=\"strong\">\(e(s[.nationalMotto]))</p>\n"
        html += "<div class=\"rule\"></div>\n</div>\n</div>\n"
        html += "<p class=\"doc-date\">\(e(s.documentDate(model.result.finishedAt)))</p>\n"
        html += "<h1>\(e(s[.reportTitle]))</h1>\n<p class=\"subtitle\">\(e(model.subtitle))</p>\n"
        var rows: [[String]] = []
        if let system = model.result.organisation.system { rows.append([e(s[.systemLabel]), e(system)]) }
        rows.append([e(s[.scanTimeLabel]), e(model.scanTimeText)])
        rows.append([e(s[.scopeLabel]), e(model.scopeText)])
        rows.append([e(s[.overallLabel]), "<strong>\(e(model.conclusionSummary))</strong>"])
        rows.append([e(s[.profileLabel]), e(model.profileText)])
        rows.append([e(s[.ruleSetLabel]), e(model.ruleSetText)])
        rows.append([e(s[.regimeLabel]), e(model.regimeText)])
        rows.append([e(s[.scannerLabel]), e("\(model.result.scanner.name) \(model.result.scanner.version)")])
        html += "<table class=\"meta\">\n<tbody>\n"
        for row in rows { html += "<tr><th>\(row[0])</th><td>\(row[1])</td></tr>\n" }
        return html + "</tbody>\n</table>\n</header>\n"
    }

    func basis(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"basis\">\n" + heading(1, .sectionBasis, s)
        html += "<p>\(e(s[.basisIntro]))</p>\n<ul>\n"
        for key in [ReportString.basisND85, .basisTT12, .basisTCVN11930, .basisNewRegime] {
            html += "<li>\(e(s[key]))</li>\n"
        }
        html += "</ul>\n<p>\(e(s[.thresholdsIntro]))</p>\n"
        let variables = model.result.profile.variables.sorted { $0.name < $1.name }
        if variables.isEmpty {
            html += "<p class=\"muted\">\(e(s[.noVariables]))</p>\n"
        } else {
            html += table(
                [s[.columnVariable], s[.columnValue], s[.columnSource], s[.columnMeaning]],
                variables.map { variable in
                    [
                        b(variable.name), e(variable.value), e(s.thresholdSource(variable.source)),
                        e(variable.description?.text(model.language) ?? ""),
                    ]
                }, widths: [28, 10, 30, 32])
        }
        return html + "</section>\n"
    }

    func scope(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"scope\">\n" + heading(2, .sectionScope, s)
        if let system = model.result.organisation.system {
            html += "<p>\(e(s.format(.scopeSystem, system)))</p>\n"
        }
        html += "<p>\(e(s[.methodText]))</p>\n<p>\(e(s[.scanTimeLabel])): \(e(model.scanTimeText))</p>\n"
        html += "<h3>\(e(s[.hostsHeading]))</h3>\n"
        if model.hosts.isEmpty { return html + "<p>\(e(s[.noHosts]))</p>\n</section>\n" }
        html += table(
            [
                s[.columnHost], s[.columnMode], s[.columnRoot], s[.columnOS], s[.columnKernel], s[.columnCollectedAt],
                s[.columnPackages], s[.columnCollectors], s[.columnIssues],
            ],
            model.hosts.map { host in
                [
                    b(host.host), e(host.live ? s[.modeLive] : s[.modeSnapshot]), b(host.root),
                    e(host.os ?? s[.unknown]), b(host.kernel ?? s[.unknown]), e(s.timestamp(host.collectedAt)),
                    host.packageCount.map(String.init) ?? "–", String(host.collectors.count), String(host.issues.count),
                ]
            }, numeric: [6, 7, 8], widths: [16, 10, 14, 14, 11, 11, 7, 8, 9])
        return html + "</section>\n"
    }

    func summary(_ model: ReportModel) -> String {
        let s = model.strings
        let headline = model.conclusionHeadline
        var html = "<section id=\"summary\" class=\"major\">\n" + heading(3, .sectionSummary, s)
        html += "<div class=\"overall \(headline.cssClass)\"><p>\(e(s[.overallLabel])): "
        html += "\(headline.symbol) \(e(headline.text))</p>\n"
        for line in model.conclusionDetails { html += "<p class=\"detail\">\(e(line))</p>\n" }
        html += "</div>\n"
        html += "<h3>\(e(s[.countsHeading]))</h3>\n"
        let statuses = FindingStatus.allCases.sorted { $0.rank < $1.rank }
        var rows = statuses.map { [badge($0, s), String(model.count($0))] }
        rows.append(["<strong>\(e(s[.total]))</strong>", "<strong>\(model.findings.count)</strong>"])
        html += table([s[.columnStatus], s[.columnCount]], rows, numeric: [1])
        html += "<h3>\(e(s[.groupChartHeading]))</h3>\n"
        html += HTMLBarChart(groups: model.summary.groups, strings: s).render() + "\n"
        html += table(
            model.groupHeaders,
            model.summary.groups.map { group in
                [
                    e(s.group(group.group)), group.score.map { "\(ReportModel.percent($0)) %" } ?? e(s[.notJudged]),
                ] + model.groupCounts(group)
            }, numeric: [1, 2, 3, 4, 5, 6])
        html += "<p class=\"muted\">\(e(s[.scoreNote]))</p>\n"
        if let rows = model.systemRows {
            html += "<h3>\(e(s[.systemsHeading]))</h3>\n"
            html += table(model.systemHeaders, rows.map { $0.map(e) }, numeric: [3, 4])
            html += "<p class=\"muted\">\(e(s[.systemsNote]))</p>\n"
        }
        return html + "</section>\n"
    }

    func items(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"items\" class=\"major\">\n" + heading(4, .sectionItems, s)
        html += "<p>\(e(s[.itemsIntro]))</p>\n"
        if model.summary.items.isEmpty { return html + "<p>\(e(s[.noControls]))</p>\n</section>\n" }
        html += table(
            [
                s[.columnItem], s[.columnRequirement], s[.columnTCVN], s[.columnVerdict], s[.columnRules],
                s[.columnHosts],
            ],
            model.summary.items.map { row in
                let control = row.control
                var title = e(control.title.text(model.language))
                if control.newAtLevel2 { title += " <span class=\"tag\">\(e(s[.newAtLevel2]))</span>" }
                title += "<br><span class=\"muted\">\(e(s[.columnCoverage])): \(e(s.coverage(control.coverage)))"
                title += "</span>"
                var clause = e(control.tcvn11930 ?? "–")
                let newIDs = model.newRegimeIDs(of: row)
                if !newIDs.isEmpty {
                    clause += "<br><span class=\"muted\">\(newIDs.map(e).joined(separator: "<br>"))</span>"
                }
                return [
                    "<span class=\"nowrap\">\(e(control.section))</span> <span class=\"nowrap\">\(e(control.id))</span>",
                    title, clause, badge(row.verdict, s), model.rules(of: row).map(b).joined(separator: "<br>"),
                    model.hosts(of: row).map(b).joined(separator: "<br>"),
                ]
            }, widths: [9, 26, 13, 15, 20, 17])
        return html + "</section>\n"
    }

    func findings(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"findings\" class=\"major\">\n" + heading(5, .sectionFindings, s)
        html += "<p>\(e(s[.findingsIntro]))</p>\n"
        if model.detailed.isEmpty { html += "<p>\(e(s[.noActionFindings]))</p>\n" }
        for group in model.severityGroups {
            html += "<h3>\(e(s.format(.severityHeading, s.severity(group.severity))))</h3>\n"
            for finding in group.findings { html += self.finding(finding, model) }
        }
        html += "<h3>\(e(s[.compactHeading]))</h3>\n"
        if model.compact.isEmpty {
            html += "<p>\(e(s[.compactIntro]))</p>\n"
        } else {
            // Rule id over its title, item over host: the proof gets the width it needs on an A4 page.
            html += table(
                [
                    s[.columnStatus], s[.fieldRule] + " / " + s[.columnRequirement],
                    s[.columnItem] + " / " + s[.columnHosts], s[.columnNote],
                ],
                model.compact.map { finding in
                    [
                        badge(finding.status, s),
                        b(finding.ruleID) + "<br>" + e(finding.title.text(model.language)),
                        e(finding.requirement.tt12) + "<br>" + b(finding.host),
                        "<span class=\"proof\">\(e(model.note(finding)))</span>",
                    ]
                }, widths: [14, 28, 14, 44])
        }
        html += "<h3>\(e(s[.issuesHeading]))</h3>\n"
        let issues = model.hosts.flatMap { host in host.issues.map { (host.host, $0) } }
        if issues.isEmpty { return html + "<p>\(e(s[.noIssues]))</p>\n</section>\n" }
        html += table(
            [s[.columnHost], s[.columnCollector], s[.columnLevel], s[.columnFile], s[.columnMessage]],
            issues.map { host, issue in
                let file = issue.file.map { file in issue.line.map { "\(file):\($0)" } ?? file } ?? "–"
                return [
                    b(host), b(issue.collector), e(s.issueLevel(issue.level)), b(file),
                    "<span class=\"pre\">\(e(issue.message))</span>",
                ]
            }, widths: [17, 13, 10, 20, 40])
        return html + "</section>\n"
    }

    func finding(_ finding: Finding, _ model: ReportModel) -> String {
        let s = model.strings
        var html = "<article class=\"finding\">\n<h4>\(badge(finding.status, s)) "
        html += "\(e(finding.title.text(model.language))) – \(e(finding.host))</h4>\n"
        html += "<table class=\"meta4 fixed\">\n<tbody>\n"
        html += "<tr><th>\(e(s[.fieldRule]))</th><td>\(b(finding.ruleID))</td>"
        html += "<th>\(e(s[.fieldSeverity]))</th><td>\(e(s.severity(finding.severity)))</td></tr>\n"
        html += "<tr><th>\(e(s[.fieldHost]))</th><td>\(b(finding.host))</td>"
        html += "<th>\(e(s[.fieldThreshold]))</th><td>\(e(s.thresholdSource(finding.thresholdSource)))</td></tr>\n"
        var wide: [(String, String)] = [
            (s[.fieldRequirement], e(model.requirementText(finding.requirement))),
            (s[.fieldRuleFile], b(finding.ruleLocation)),
        ]
        if let reason = finding.reason { wide.append((s[.fieldReason], e(reason.text(model.language)))) }
        if let waiver = finding.waiver { wide.append((s[.fieldWaiver], e(model.waiverText(waiver)))) }
        for (label, value) in wide { html += "<tr><th>\(e(label))</th><td colspan=\"3\">\(value)</td></tr>\n" }
        html += "</tbody>\n</table>\n"
        if finding.evidence.isEmpty {
            html += "<p class=\"muted\">\(e(s[.noEvidence]))</p>\n"
        } else {
            html += table(
                [s[.columnSubject], s[.columnExpected], s[.columnFound], s[.columnWhere], s[.columnOutcome]],
                finding.evidence.map { evidence in
                    [
                        e(evidence.subject), "<span class=\"pre\">\(e(evidence.expected))</span>",
                        "<span class=\"pre\">\(e(evidence.found))</span>", b(evidence.location ?? "–"),
                        "\(StatusMark.symbol(evidence.outcome)) \(e(s.outcome(evidence.outcome)))",
                    ]
                }, widths: [22, 20, 25, 21, 12])
        }
        html += "<p><strong>\(e(s[.fieldRemediation])):</strong> \(e(finding.remediation.text(model.language)))</p>\n"
        return html + "</article>\n"
    }

    /// Section 6: per LAN segment, hosts, exposed services and risky observations with packet numbers.
    func lan(_ model: ReportModel) -> String {
        let s = model.strings
        let sections = LanSection.sections(model.result, s)
        if sections.isEmpty { return notInThisScan(model, number: 6, heading: .sectionLan) }
        var html = "<section id=\"lan\" class=\"major\">\n" + heading(6, .sectionLan, s)
        html += "<p>\(e(s[.lanIntro]))</p>\n"
        for section in sections {
            html += "<h3>\(e(section.segmentLine))</h3>\n<p class=\"muted\">\(e(section.countersLine))</p>\n"
            html += "<h4>\(e(s[.lanRisksHeading]))</h4>\n"
            let risks = section.risks
            if risks.isEmpty {
                html += "<p>\(e(s[.lanNoRisks]))</p>\n"
            } else {
                html += table(
                    [s[.fieldSeverity], s[.columnObservation], s[.columnWhere2], s[.columnEvidencePackets]],
                    risks.map { [e(s.severity($0.severity)), e($0.text), b($0.between), e($0.packets)] })
            }
            html += "<h4>\(e(s[.lanServicesHeading]))</h4>\n"
            if section.serviceRows.isEmpty {
                html += "<p>\(e(s[.lanNoServices]))</p>\n"
            } else {
                html += table(
                    [s[.columnIP], s[.columnPort], s[.columnService], s[.columnMethod], s[.columnEvidencePackets]],
                    section.serviceRows.map { $0.map(e) })
            }
            html += "<h4>\(e(s[.lanHostsHeading]))</h4>\n"
            if section.hostRows.isEmpty {
                html += "<p>\(e(s[.lanNoHosts]))</p>\n"
            } else {
                html += table(
                    [s[.columnIP], s[.columnMAC], s[.columnFirstSeen], s[.columnLastSeen], s[.columnPackets]],
                    section.hostRows.map { $0.map(e) }, numeric: [4])
                if section.hiddenHosts > 0 {
                    html += "<p class=\"muted\">\(e(s.format(.lanHostsTruncated, "\(section.hiddenHosts)")))</p>\n"
                }
            }
        }
        return html + "</section>\n"
    }

    func notInThisScan(_ model: ReportModel, number: Int, heading key: ReportString) -> String {
        let s = model.strings
        return "<section class=\"empty-section\">\n" + heading(number, key, s)
            + "<p class=\"muted\">\(e(s[.notInThisScan]))</p>\n</section>\n"
    }

    /// Section 7: the certificate inventory and the anti-malware status table, each when collected.
    func tlsAndAntivirus(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"tls\" class=\"major\">\n" + heading(7, .sectionTlsAv, s)
        html += model.hasTLSFacts ? certificateInventory(model) : "<p class=\"muted\">\(e(s[.tlsNotCollected]))</p>\n"
        html +=
            model.hasAntivirusFacts
            ? antivirusTable(model) : "<p class=\"muted\">\(e(s[.tlsAntivirusNotCollected]))</p>\n"
        return html + "</section>\n"
    }

    func certificateInventory(_ model: ReportModel) -> String {
        let rows = model.certificateInventory.map { model.certificateCells($0).map { e($0) } }
        return "<p>\(e(model.strings[.tlsInventoryIntro]))</p>\n" + table(model.certificateHeaders, rows, numeric: [0])
            + model.tlsLimitations.map { "<p class=\"muted\">\(e($0))</p>\n" }.joined()
    }

    func antivirusTable(_ model: ReportModel) -> String {
        let rows = model.antivirusRows.map { model.antivirusCells($0).map { e($0) } }
        return "<p>\(e(model.strings[.antivirusIntro]))</p>\n" + table(model.antivirusHeaders, rows, numeric: [3])
    }

    func changes(_ model: ReportModel, _ changes: ScanChanges) -> String {
        let s = model.strings
        let section = ChangesSection(changes, strings: s)
        var html = "<section id=\"changes\" class=\"major\">\n" + heading(8, .sectionChanges, s)
        for line in section.intro { html += "<p>\(e(line))</p>\n" }
        func cells(_ row: [String]) -> [String] {
            row.map { e($0).replacingOccurrences(of: "\n", with: "<br>") }
        }
        for table in section.findingTables {
            html += "<h3>\(e(table.heading))</h3>\n"
            html += self.table(section.findingHeaders, table.rows.map(cells), widths: [14, 30, 8, 10, 10, 28])
        }
        if let inventory = section.inventory {
            html += "<h3>\(e(inventory.heading))</h3>\n"
            html += table(section.inventoryHeaders, inventory.rows.map(cells), widths: [16, 12, 4, 24, 22, 22])
        }
        if !changes.trend.isEmpty {
            html += "<h3>\(e(s[.changesTrendHeading]))</h3>\n"
            html += HTMLTrendChart(points: changes.trend, strings: s).render() + "\n"
            html += table(
                section.trendHeaders, section.trendRows.map(cells), numeric: Set(1...RequirementGroup.allCases.count))
        }
        return html + "</section>\n"
    }

    func waivers(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"waivers\" class=\"major\">\n" + heading(9, .sectionWaivers, s)
        if model.result.waivers.isEmpty { return html + "<p>\(e(s[.noWaivers]))</p>\n</section>\n" }
        let headers = [
            s[.columnWaiverRule], s[.columnScope], s[.columnJustification], s[.columnApprovedBy], s[.columnIssued],
            s[.columnExpires], s[.columnApplied], s[.columnTicket], s[.columnSource],
        ]
        for (key, list) in [
            (ReportString.waiversInForce, model.waiversInForce), (.waiversExpired, model.waiversExpired),
        ] {
            html += "<h3>\(e(s[key]))</h3>\n"
            if key == .waiversExpired && !list.isEmpty { html += "<p>\(e(s[.expiredNote]))</p>\n" }
            if list.isEmpty {
                html += "<p class=\"muted\">\(e(s[.noWaivers]))</p>\n"
                continue
            }
            html += table(
                headers,
                list.map { status in
                    let waiver = status.waiver
                    return [
                        b(waiver.rule), b(model.scope(of: waiver)), e(waiver.justification), e(waiver.approvedBy),
                        e(waiver.issued.map(s.day) ?? "–"), e(s.day(waiver.expires)),
                        String(status.applied), b(waiver.ticket ?? "–"), b(waiver.location?.description ?? "–"),
                    ]
                }, numeric: [6], widths: [15, 12, 19, 13, 9, 9, 7, 8, 8])
        }
        return html + "</section>\n"
    }

    func plan(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"plan\" class=\"major\">\n" + heading(10, .sectionPlan, s)
        if model.plan.isEmpty { return html + "<p>\(e(s[.noPlan]))</p>\n</section>\n" }
        html += "<p>\(e(s[.planIntro]))</p>\n"
        html += table(
            [
                s[.columnNumber], s[.fieldSeverity], s[.columnItem], s[.columnRequirement], s[.columnHosts],
                s[.columnAction], s[.columnOwner], s[.columnDeadline],
            ],
            model.plan.enumerated().map { index, row in
                [
                    String(index + 1), "\(e(s.severity(row.severity)))<br>\(badge(row.status, s))",
                    e(row.requirement.tt12), "\(e(row.title))<br><span class=\"muted\">\(b(row.ruleID))</span>",
                    row.hosts.map(b).joined(separator: "<br>"), e(row.remediation), "", "",
                ]
            }, numeric: [0], widths: [5, 13, 8, 24, 14, 22, 8, 6])
        return html + "</section>\n"
    }

    func conclusion(_ model: ReportModel) -> String {
        let s = model.strings
        var html = "<section id=\"conclusion\">\n" + heading(11, .sectionConclusion, s)
        for line in model.conclusionLines { html += "<p>\(e(line))</p>\n" }
        html += "<h3>\(e(s[.recommendationsHeading]))</h3>\n<ol>\n"
        for line in model.recommendations { html += "<li>\(e(line))</li>\n" }
        html += "</ol>\n<div class=\"sign\">\n"
        for title in [s[.signPreparer], model.signDepartment] {
            html += "<div>\n<p class=\"muted\">\(e(s[.signDate]))</p>\n<p><strong>\(e(title))</strong></p>\n"
            html += "<p class=\"muted\"><em>\(e(s[.signHint]))</em></p>\n<div class=\"space\"></div>\n</div>\n"
        }
        return html + "</div>\n</section>\n"
    }
}

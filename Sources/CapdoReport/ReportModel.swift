import Foundation
import CapdoCore

/// What the Markdown and HTML reports show, derived once from a `ScanResult` so both formats say the same thing.
struct ReportModel {
    /// One remediation action: a rule with its hosts, as it appears in the plan.
    struct PlanRow {
        var severity: Severity
        var status: FindingStatus
        var requirement: RequirementRef
        var ruleID: String
        var title: String
        var hosts: [String]
        var remediation: String
    }

    /// Statuses shown in full, with evidence; the others go to the compact table.
    static let detailedStatuses: [FindingStatus] = [.fail, .error, .warn, .manual, .waived]

    let result: ScanResult
    let summary: ScanSummary
    let strings: ReportStrings
    let hosts: [HostResult]
    let findings: [Finding]
    let detailed: [Finding]
    let compact: [Finding]
    let severityGroups: [(severity: Severity, findings: [Finding])]
    let plan: [PlanRow]
    let waiversInForce: [WaiverStatus]
    let waiversExpired: [WaiverStatus]

    init(_ result: ScanResult, language: Language) {
        self.result = result
        self.summary = result.summary
        self.strings = ReportStrings(language)
        self.hosts = result.hosts.sorted { $0.host < $1.host }
        self.findings = result.allFindings
        self.detailed = findings.filter { Self.detailedStatuses.contains($0.status) }
        self.compact = StatusOrder.findings(
            findings, statuses: Set(FindingStatus.allCases).subtracting(Self.detailedStatuses))
        let detailed = self.detailed
        self.severityGroups = Severity.allCases.sorted().compactMap { severity in
            let inGroup = detailed.filter { $0.severity == severity }
            return inGroup.isEmpty ? nil : (severity, inGroup)
        }
        self.plan = Self.makePlan(detailed, language: language)
        let waivers = result.waivers.sorted(by: Self.waiverOrder)
        self.waiversInForce = waivers.filter { !$0.expired }
        self.waiversExpired = waivers.filter(\.expired)
    }

    var language: Language { strings.language }

    func count(_ status: FindingStatus) -> Int { summary.counts[status] ?? 0 }

    /// Distinct hosts that produced findings for an item, sorted.
    func hosts(of row: ScanSummary.ItemRow) -> [String] {
        Array(Set(row.findings.map(\.host))).sorted()
    }

    /// The item's rules from the controls file, or the rules that reported on it when the file lists none.
    func rules(of row: ScanSummary.ItemRow) -> [String] {
        row.control.rules.isEmpty ? Array(Set(row.findings.map(\.ruleID))).sorted() : row.control.rules
    }

    /// New-regime clause ids (TCVN 14423, ND 331) cited by the item's rules.
    func newRegimeIDs(of row: ScanSummary.ItemRow) -> [String] {
        let tcvn = Set(row.findings.compactMap(\.requirement.tcvn14423)).sorted()
            .map { "\(strings[.refTCVN14423]) \($0)" }
        let decree = Set(row.findings.compactMap(\.requirement.nd331)).sorted()
            .map { "\(strings[.refND331]) \($0)" }
        return tcvn + decree
    }

    /// `TT 12/2022 PL II II.2 1.2.1 · TCVN 11930:2017 6.2.2.1 · TCVN 14423:2026 4.6`
    func requirementText(_ ref: RequirementRef) -> String {
        var parts = [
            "\(strings[.refTT12]) \(ref.tt12)",
            "\(strings[.refTCVN11930]) \(strings.clause(ref.tcvn11930, inferred: ref.tcvn11930Inferred))",
        ]
        if let tcvn = ref.tcvn14423 { parts.append("\(strings[.refTCVN14423]) \(tcvn)") }
        if let decree = ref.nd331 { parts.append("\(strings[.refND331]) \(decree)") }
        return parts.joined(separator: " · ")
    }

    /// The waiver line of a finding, in force or expired.
    func waiverText(_ waiver: AppliedWaiver) -> String {
        if waiver.expired {
            return strings.format(.waiverExpiredText, strings.day(waiver.expires), waiver.approvedBy)
        }
        return strings.format(.waiverInForceText, strings.day(waiver.expires), waiver.approvedBy, waiver.justification)
    }

    /// The note of a finding in the compact table: its reason, then its proof — what each check expected, what it
    /// found and where (up to `proofItems` checks, then how many more), so that a pass is never shown bare.
    func note(_ finding: Finding) -> String {
        var parts: [String] = []
        if let reason = finding.reason?.text(language) { parts.append(reason) }
        let proofs = EvidenceLines.brief(finding, language: language, besides: finding.reason?.text(language))
        parts += proofs.prefix(Self.proofItems)
        if proofs.count > Self.proofItems {
            parts.append(strings.format(.proofMore, String(proofs.count - Self.proofItems)))
        }
        return parts.isEmpty ? "–" : parts.joined(separator: "; ")
    }

    /// How many evidence items a compact row lists.
    static let proofItems = 3

    /// Hosts a waiver covers, `*` spelled out.
    func scope(of waiver: Waiver) -> String {
        waiver.hosts.contains("*") ? strings[.allHosts] : waiver.hosts.sorted().joined(separator: ", ")
    }

    /// "Hồ sơ (profile)" line: title and id.
    var profileText: String {
        "\(result.profile.title.text(language)) (\(result.profile.id))"
    }

    /// "1.3.0 · 42 quy tắc · SHA-256 …"
    var ruleSetText: String {
        var text = "\(result.ruleSet.version) · \(strings.format(.ruleCount, String(result.ruleSet.ruleCount)))"
        if let digest = result.ruleSet.digest { text += " · \(strings[.digestLabel]) \(digest)" }
        return text
    }

    var regimeText: String {
        result.regime == "legacy" ? strings[.regimeLegacy] : result.regime
    }

    var subtitle: String { Self.subtitle(result, strings) }

    /// The line under the title; also the host index's, which needs no model.
    static func subtitle(_ result: ScanResult, _ strings: ReportStrings) -> String {
        result.regime == "legacy" ? strings[.reportSubtitleLegacy] : strings.format(.reportSubtitleOther, result.regime)
    }

    /// When the facts were gathered: this run's real start and end when it collected every host itself, otherwise
    /// (snapshots collected earlier, a capture) from the first collection to the last (a capture's last packet).
    var collectionWindow: (start: Date, end: Date) {
        let collectedHere = !result.hosts.isEmpty && result.hosts.allSatisfy { $0.collectedAt >= result.startedAt }
        guard !collectedHere, !result.hosts.isEmpty else { return (result.startedAt, result.finishedAt) }
        let starts = result.hosts.map { $0.lan?.firstPacketTime ?? $0.collectedAt }
        let ends = result.hosts.map { $0.lan?.lastPacketTime ?? $0.collectedAt }
        return (starts.min() ?? result.startedAt, ends.max() ?? result.finishedAt)
    }

    var scanTimeText: String {
        let window = collectionWindow
        return strings.window(window.start, window.end) + " (\(strings[.timeZoneNote]))"
            + (result.asOf.map { " — " + strings.format(.asOfNote, strings.timestamp($0)) } ?? "")
    }

    /// "3 hosts: a, b, c": the machines inspected (an information system's entry is not one), five named at most.
    var scopeText: String {
        let machines = hosts.filter { !$0.isSystem }.map(\.host)
        return strings.hosts(machines.count) + ": " + InspectionLimits.names(machines)
    }

    var organisationName: String { Self.organisationName(result, strings) }

    /// The organisation in capitals, or "not specified"; also the host index's, which needs no model.
    static func organisationName(_ result: ScanResult, _ strings: ReportStrings) -> String {
        let name = result.organisation.name.uppercased()
        return name.isEmpty ? strings[.organisationUnspecified] : name
    }

    var departmentName: String? {
        result.organisation.department.map { $0.uppercased() }
    }

    /// Recommendation sentences for the conclusion, from the counts.
    var recommendations: [String] {
        var lines: [String] = []
        if count(.fail) > 0 { lines.append(strings.format(.recommendFix, String(count(.fail)))) }
        if count(.warn) > 0 { lines.append(strings.format(.recommendWarn, String(count(.warn)))) }
        if count(.error) > 0 { lines.append(strings.format(.recommendError, String(count(.error)))) }
        if count(.manual) > 0 { lines.append(strings.format(.recommendManual, String(count(.manual)))) }
        if !waiversExpired.isEmpty {
            lines.append(strings.format(.recommendExpired, String(waiversExpired.count)))
        }
        lines.append(lines.isEmpty ? strings[.recommendNone] : strings[.recommendRescan])
        return lines
    }

    /// The conclusion's headline (over the items) and the style of its box: met, not met, or awaiting attestation.
    var conclusionHeadline: (text: String, symbol: String, cssClass: String) {
        let conclusion = summary.conclusion
        if conclusion.compliant { return (strings.conclusionHeadline(conclusion), "✓", "s-pass") }
        let worst = conclusion.open.first?.verdict ?? .notAssessed
        return (strings.conclusionHeadline(conclusion), StatusMark.symbol(worst), StatusMark.cssClass(worst))
    }

    /// What follows the headline: items by verdict, the items not yet met, the automated checks and exit code.
    var conclusionDetails: [String] {
        [
            strings.conclusionItemCounts(summary.conclusion), strings.conclusionOpenItems(summary.conclusion),
            strings.conclusionChecks(summary.counts, exitCode: result.exitCode),
        ].compactMap { $0 }
    }

    var generatedByText: String { Self.generatedByText(result, strings) }

    /// "Generated by capdo … at …"; also the host index's, which needs no model.
    static func generatedByText(_ result: ScanResult, _ strings: ReportStrings) -> String {
        strings.format(
            .generatedBy, result.scanner.name, result.scanner.version, strings.timestamp(result.finishedAt))
    }

    /// The score table's headings: group, score, then the items by verdict.
    var groupHeaders: [String] {
        [strings[.columnGroup], strings[.columnScore]] + Self.groupVerdicts.map { strings.verdict($0) }
    }

    /// The verdicts the score table counts, in its column order.
    static let groupVerdicts: [ItemVerdict] = [.met, .partlyMet, .notMet, .manual, .notAssessed]

    /// One group's row after its (escaped) label and score: its items by verdict.
    func groupCounts(_ group: ScanSummary.GroupScore) -> [String] {
        Self.groupVerdicts.map { String(group.items[$0] ?? 0) }
    }

    /// Scores rounded to whole percent for display.
    static func percent(_ score: Double) -> Int { Int(score.rounded()) }
}

private extension ReportModel {
    static func makePlan(_ detailed: [Finding], language: Language) -> [PlanRow] {
        var rows: [PlanRow] = []
        var index: [String: Int] = [:]
        for finding in detailed where [.fail, .error, .warn, .manual].contains(finding.status) {
            if let at = index[finding.ruleID] {
                if !rows[at].hosts.contains(finding.host) { rows[at].hosts.append(finding.host) }
                if finding.status.rank < rows[at].status.rank { rows[at].status = finding.status }
                continue
            }
            index[finding.ruleID] = rows.count
            rows.append(
                PlanRow(
                    severity: finding.severity, status: finding.status, requirement: finding.requirement,
                    ruleID: finding.ruleID, title: finding.title.text(language), hosts: [finding.host],
                    remediation: finding.remediation.text(language)))
        }
        return rows.map { row in
            var row = row
            row.hosts.sort()
            return row
        }
        .sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.status.rank != rhs.status.rank { return lhs.status.rank < rhs.status.rank }
            if lhs.requirement.item != rhs.requirement.item {
                return lhs.requirement.item.compare(rhs.requirement.item, options: .numeric) == .orderedAscending
            }
            return lhs.ruleID < rhs.ruleID
        }
    }

    static func waiverOrder(_ lhs: WaiverStatus, _ rhs: WaiverStatus) -> Bool {
        if lhs.waiver.expires != rhs.waiver.expires { return lhs.waiver.expires < rhs.waiver.expires }
        if lhs.waiver.rule != rhs.waiver.rule { return lhs.waiver.rule < rhs.waiver.rule }
        return lhs.waiver.hosts.joined(separator: ",") < rhs.waiver.hosts.joined(separator: ",")
    }
}

extension ReportModel {
    /// One row of the certificate inventory (section 7).
    struct CertificateRow {
        var host: String
        var certificate: CertificateFact
        var daysLeft: Int
    }

    /// Every certificate of every host, sorted by days left at the report's evaluation time (then source).
    var certificateInventory: [CertificateRow] {
        result.hosts.flatMap { host in
            (host.tls?.certificates ?? []).map { certificate in
                CertificateRow(
                    host: host.host, certificate: certificate,
                    daysLeft: Int(
                        (certificate.notAfter.timeIntervalSince(result.referenceTime) / 86_400).rounded(.down)))
            }
        }.sorted { ($0.daysLeft, $0.host, $0.certificate.source) < ($1.daysLeft, $1.host, $1.certificate.source) }
    }

    /// The certificate inventory's column headings.
    var certificateHeaders: [String] {
        [
            strings[.columnDaysLeft], strings[.columnCertificate], strings[.columnNotAfter], strings[.columnKey],
            strings[.columnSignature], strings[.columnIssuer], strings[.columnCertificateSource],
        ]
    }

    /// The cells of one certificate row (days left, name, expiry, key, signature, issuer, where found), unescaped.
    func certificateCells(_ row: CertificateRow) -> [String] {
        let certificate = row.certificate
        let place =
            (result.hosts.count > 1 ? "\(row.host): " : "") + certificate.source
            + (certificate.referencedBy.map { " (\($0))" } ?? "")
        return [
            String(row.daysLeft), certificate.name, strings.day(certificate.notAfter),
            "\(certificate.keyType.uppercased()) \(certificate.keyBits)", certificate.signatureAlgorithm,
            certificate.issuer, place,
        ]
    }

    /// One row of the anti-malware status table (section 7).
    struct AntivirusRow {
        var host: String
        /// Nil for a host where anti-malware facts were collected but no product was found.
        var product: AntivirusProduct?
        /// Whole days since the newest signatures, at the report's evaluation time; nil when unknown.
        var signatureAgeDays: Int?
    }

    /// Every product of every host, stalest signatures first (unknown age first of all).
    var antivirusRows: [AntivirusRow] {
        result.hosts.flatMap { host -> [AntivirusRow] in
            guard let antivirus = host.antivirus else { return [] }
            if antivirus.products.isEmpty {
                return [AntivirusRow(host: host.host, product: nil, signatureAgeDays: nil)]
            }
            return antivirus.products.map { product in
                AntivirusRow(
                    host: host.host, product: product,
                    signatureAgeDays: product.signatureTime.map {
                        Int((result.referenceTime.timeIntervalSince($0) / 86_400).rounded(.down))
                    })
            }
        }.sorted { lhs, rhs in
            let l = lhs.signatureAgeDays ?? Int.max
            let r = rhs.signatureAgeDays ?? Int.max
            if l != r { return l > r }
            return (lhs.host, lhs.product?.product ?? "", lhs.product?.file ?? "")
                < (rhs.host, rhs.product?.product ?? "", rhs.product?.file ?? "")
        }
    }

    /// True when some host carries anti-malware facts (so section 7 has a status table).
    var hasAntivirusFacts: Bool { result.hosts.contains { $0.antivirus != nil } }

    /// The anti-malware table's column headings.
    var antivirusHeaders: [String] {
        [
            strings[.columnHost], strings[.columnProduct], strings[.columnRealTime], strings[.columnSignatureAge],
            strings[.columnSignatureVersion], strings[.columnLastFullScan], strings[.columnSource],
        ]
    }

    /// The cells of one anti-malware row (host, product, real-time, age, version, last full scan, source), unescaped.
    func antivirusCells(_ row: AntivirusRow) -> [String] {
        guard let product = row.product else {
            return [row.host, strings[.antivirusNoneFound], "—", "—", "—", "—", "—"]
        }
        // Only products that report scans (Defender, status files) can say "never"; ClamAV keeps no scan record.
        let lastFull =
            product.lastFullScan.map(strings.day) ?? (product.product == "clamav" ? "—" : strings[.valueNever])
        return [
            row.host, product.name, onOff(product.realTime),
            row.signatureAgeDays.map(String.init) ?? strings[.valueUnknown],
            product.signatureVersion ?? "—", lastFull, product.file,
        ]
    }

    /// On / Off / Unknown in the report language.
    func onOff(_ value: Bool?) -> String {
        switch value {
        case true?: return strings[.valueOn]
        case false?: return strings[.valueOff]
        case nil: return strings[.valueUnknown]
        }
    }

    /// What the TLS probe could not do, per host: the suites its OpenSSL cannot offer, or that no endpoint was
    /// probed at all (so the endpoint rules are not assessed). Unescaped sentences.
    /// What the TLS checks could not test, one line per distinct limitation with the hosts it applies to (five
    /// named at most), so a fleet of identical hosts gets one line, not one per host.
    var tlsLimitations: [String] {
        var tally = HostTally()
        for host in result.hosts {
            guard let tls = host.tls else { continue }
            let text: String
            if tls.endpoints.isEmpty {
                text = strings[.tlsNoEndpoints]
            } else if tls.limitations.isEmpty {
                continue
            } else {
                text = strings.format(
                    .tlsLimitations, tls.library ?? "OpenSSL",
                    // "rc4: no RC4 suites in the local OpenSSL …" → "RC4": the classes, the library named once.
                    tls.limitations.map { String($0.prefix { $0 != ":" }).uppercased() }.joined(separator: ", "))
            }
            tally.add(text, host: host.host)
        }
        return tally.order.map { text in
            result.hosts.count > 1 ? "\(InspectionLimits.names(tally.hosts(text))): \(text)" : text
        }
    }

    /// True when some host carries TLS facts (so section 7 has an inventory).
    var hasTLSFacts: Bool { result.hosts.contains { $0.tls != nil } }
}

extension ReportModel {
    /// The Mẫu 08 per-system rows (system, owner, operator, level, host count, deployment status), unescaped;
    /// nil when the result does not know its systems.
    var systemRows: [[String]]? {
        guard let systems = result.systems, !systems.isEmpty else { return nil }
        return systems.map { system in
            [
                system.name, system.owner ?? "—", system.operator ?? "—", String(system.level),
                String(system.hosts.count),
                strings[DeploymentStatus(hosts: system.hosts, findings: findings, controls: result.controls).key],
            ]
        }
    }

    /// The headers of `systemRows`.
    var systemHeaders: [String] {
        [
            strings[.columnSystem], strings[.columnSystemOwner], strings[.columnOperator],
            strings[.columnSecurityLevel], strings[.columnHostCount], strings[.columnDeployment],
        ]
    }
}

import CapdoCore

/// The LAN and TLS report for the ward Police's cyber-security team, as its own document: when and where the
/// sensor listened, under which authorisation and zone assumption; the hosts, services and findings with IP:port
/// and packet numbers; TLS protocols per endpoint. No host thresholds, management items or unrelated waivers.
struct PoliceReport {
    let model: ReportModel

    init(_ model: ReportModel) {
        self.model = model
    }

    /// Whether the result has anything for this report: LAN facts or TLS endpoints.
    static func applies(to result: ScanResult) -> Bool {
        result.hosts.contains { $0.lan != nil || !($0.tls?.endpoints.isEmpty ?? true) }
    }

    /// The LAN and TLS findings needing action (network rules and TLS endpoint rules).
    var findings: [Finding] {
        model.findings.filter { finding in
            finding.status.needsAction && (finding.group == .network || finding.ruleID.contains(".tls."))
        }
    }

    var document: ReportDocument {
        let s = model.strings
        var blocks: [DocumentBlock] = [.letterhead(DocumentLetterhead(model, kind: "BC"))]
        blocks.append(.heading(1, "", s[DocumentString.policeTitle]))
        blocks.append(.paragraph(s[DocumentString.policeSubtitle], .centered))
        blocks += DocumentParts.legalBasis(model)
        blocks.append(.heading(2, "1.", s[DocumentString.policeObservation], anchor: "observation"))
        blocks += observation
        blocks.append(.heading(2, "2.", s[DocumentString.policeFindings], anchor: "findings"))
        blocks += findingsTable
        let sections = LanSection.sections(model.result, s)
        blocks.append(.heading(2, "3.", s[.sectionLan], anchor: "lan"))
        blocks += sections.isEmpty ? [.paragraph(s[DocumentString.policeNoCapture], .note)] : sections.flatMap(\.blocks)
        blocks.append(.heading(2, "4.", s[DocumentString.policeTLS], anchor: "tls"))
        blocks += tlsTable
        blocks.append(.heading(2, "5.", s[DocumentString.limitsHeading], anchor: "limits"))
        let limits = policeLimits
        blocks.append(
            limits.isEmpty ? .paragraph(s[DocumentString.noLimits]) : .list(limits.map { [.text($0)] }, ordered: false))
        blocks.append(DocumentParts.foot(model))
        return ReportDocument(
            title: s[DocumentString.policeTitle] + " – " + model.organisationName, language: model.language.rawValue,
            generator: "\(model.result.scanner.name) \(model.result.scanner.version)", blocks: blocks,
            footer: model.generatedByText)
    }

    /// Window to the second, sensor, segment, authorisation and the zone assumption.
    var observation: [DocumentBlock] {
        let s = model.strings
        var fields: [DocumentField] = []
        for host in model.hosts {
            guard let lan = host.lan else { continue }
            fields.append(DocumentField(s[DocumentString.policeSegment], [.identifier(lan.segment)]))
            fields.append(DocumentField(s[DocumentString.policeSensor], sensor(lan)))
            if let first = lan.firstPacketTime, let last = lan.lastPacketTime {
                fields.append(
                    DocumentField(
                        s[DocumentString.policeWindow],
                        s.format(.timeRange, s.timestamp(first), s.timestamp(last)) + " (\(s[.timeZoneNote]))"))
            } else if let scan = lan.scan {
                fields.append(
                    DocumentField(
                        s[DocumentString.policeWindow],
                        s.format(.lanScan, scan.method, "\(scan.addresses)", "\(scan.probes)", "\(scan.rate)")))
            }
            fields.append(
                DocumentField(
                    s[DocumentString.policePackets],
                    [.text(LanSection(host: host.host, facts: lan, strings: s).countersLine)]))
        }
        if fields.isEmpty {
            fields.append(DocumentField(s[DocumentString.policeWindow], s[DocumentString.policeNoCapture]))
        }
        fields.append(
            DocumentField(
                s[DocumentString.policeAuthorisation],
                model.result.organisation.particulars?.lanAuthorisation ?? s[DocumentString.policeNoAuthorisation]))
        fields.append(DocumentField(s[DocumentString.policeZone], s[DocumentString.policeZoneText]))
        return [.fields(fields)]
    }

    /// The sensor: the interface listened on, or the capture file read.
    func sensor(_ lan: LanFacts) -> String {
        let s = model.strings
        if lan.segment.hasPrefix("interface:") {
            return s.format(DocumentString.policeSensorInterface, String(lan.segment.dropFirst("interface:".count)))
        }
        if lan.segment.hasPrefix("scan:") { return s[DocumentString.policeSensorScan] }
        return s.format(DocumentString.policeSensorFile, lan.segment, lan.linkType ?? "–")
    }

    /// One row per LAN or TLS finding needing action: where (IP:port, packet numbers, endpoint) and what.
    var findingsTable: [DocumentBlock] {
        let s = model.strings
        let findings = self.findings
        if findings.isEmpty { return [.paragraph(s[DocumentString.policeNoFindings])] }
        return [
            .table(
                DocumentTable(
                    [
                        s[.columnNumber], s[.fieldSeverity], s[DocumentString.columnFinding], s[.fieldEvidence],
                    ],
                    findings.enumerated().map { index, finding in
                        let lines = EvidenceLines.lines(finding, language: model.language).filter {
                            $0.kind == .check && $0.outcome != .pass
                        }
                        return [
                            [.text(String(index + 1))], [.status(finding.status, label: s.severity(finding.severity))],
                            [
                                .text(finding.title.text(model.language)), .lineBreak,
                                .muted([.identifier(finding.ruleID)]),
                            ],
                            DocumentSpan.lines(
                                lines.prefix(5).map { line in [.text(line.text)] }),
                        ]
                    }, widths: [6, 14, 30, 50], numeric: [0], small: true))
        ]
    }

    /// Protocols accepted per endpoint, self-signed certificates named, and what could not be tested.
    var tlsTable: [DocumentBlock] {
        let s = model.strings
        let endpoints = model.hosts.flatMap { $0.tls?.endpoints ?? [] }
        if endpoints.isEmpty { return [.paragraph(s[.tlsNoEndpoints])] }
        let versions = ["tls1_0", "tls1_1", "tls1_2", "tls1_3"]
        let rows = endpoints.map { endpoint -> [[DocumentSpan]] in
            let address = (endpoint.address ?? endpoint.host) + ":\(endpoint.port)"
            var cells: [[DocumentSpan]] = [[.identifier(endpoint.name), .lineBreak, .muted([.identifier(address)])]]
            for version in versions {
                let result = endpoint.protocols[version]?.status
                cells.append([
                    .text(
                        endpoint.acceptedProtocols.contains(version)
                            ? s[DocumentString.tlsAccepted] : (result == nil ? "–" : s[DocumentString.tlsRefused]))
                ])
            }
            let selfSigned = endpoint.chain.first?.selfSigned == true
            var certificate: [DocumentSpan] = [.text(endpoint.chain.first?.name ?? "–")]
            if selfSigned { certificate += [.lineBreak, .strong([.text(s[DocumentString.tlsSelfSigned])])] }
            cells.append(certificate)
            var untested = endpoint.weakSuitesUntestable
            if let error = endpoint.error { untested.append(error) }
            cells.append([.code(untested.isEmpty ? "–" : untested.joined(separator: ", "))])
            return cells
        }
        return [
            .table(
                DocumentTable(
                    [
                        s[DocumentString.tlsEndpoint], "TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3",
                        s[.columnCertificate], s[DocumentString.tlsUntested],
                    ],
                    rows, widths: [22, 9, 9, 9, 9, 22, 20], small: true))
        ]
    }

    /// What the observation could not see: no capture, TLS suites the probe cannot offer, unreadable input.
    var policeLimits: [String] {
        let s = model.strings
        var lines: [String] = []
        if !model.hosts.contains(where: { $0.lan != nil }) { lines.append(s[DocumentString.policeNoCapture]) }
        lines += model.tlsLimitations
        for host in model.hosts where !host.issues.isEmpty {
            lines += host.issues.map { "\(host.host): \($0.description)" }
        }
        return lines
    }
}

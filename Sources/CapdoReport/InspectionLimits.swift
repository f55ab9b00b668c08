import CapdoCore

/// "Giới hạn của lần kiểm tra": what this inspection did not or could not look at, and why — derived from the
/// hosts' modes, collector issues, LAN and TLS facts and the findings left unassessed, never written in advance.
struct InspectionLimits {
    let model: ReportModel

    init(_ model: ReportModel) {
        self.model = model
    }

    /// Unescaped sentences, one per limit.
    var lines: [String] {
        let s = model.strings
        var lines: [String] = []
        let offline = model.hosts.filter { !$0.live && !$0.isSystem }
        if !offline.isEmpty {
            lines.append(s.format(DocumentString.limitOffline, Self.names(offline.map(\.host))))
        }
        lines += model.result.hostDetails == nil ? issuesByHost : issuesByCollector
        if !model.hosts.contains(where: { $0.lan != nil }) {
            let unassessed = model.findings.filter { $0.group == .network && $0.status == .notAssessed }
            let rules = Set(unassessed.map(\.ruleID)).count
            if rules > 0 { lines.append(s.format(DocumentString.limitNoCapture, String(rules))) }
        }
        if !model.hasTLSFacts {
            lines.append(s[DocumentString.limitNoTLS])
        }
        lines += model.tlsLimitations
        let fromFileTimes = model.findings.filter {
            [.pass, .fail, .warn].contains($0.status)
                && $0.evidence.contains { $0.subject.contains("newest_artefact_time") }
        }
        if !fromFileTimes.isEmpty {
            lines.append(s.format(DocumentString.limitBackupTimes, Self.names(Set(fromFileTimes.map(\.host)).sorted())))
        }
        lines += unassessedReasons
        return lines
    }

    /// One line per host with collection issues, naming the collectors; the hosts appendix lists them.
    var issuesByHost: [String] {
        let s = model.strings
        return model.hosts.filter { !$0.issues.isEmpty }.map { host in
            let collectors = Array(Set(host.issues.map(\.collector))).sorted()
            return s.format(
                DocumentString.limitIssues, host.host,
                s.format(host.issues.count == 1 ? .issueOne : .issueMany, String(host.issues.count)),
                collectors.joined(separator: ", "))
        }
    }

    /// For a fleet summary, one line per collector with how many issues on which hosts: each host's report has them.
    var issuesByCollector: [String] {
        let s = model.strings
        var tally = HostTally()
        for host in model.hosts {
            for issue in host.issues { tally.add(issue.collector, host: host.host) }
        }
        return tally.order.sorted().map { collector in
            s.format(
                FleetString.limitIssues, collector,
                s.format(tally.count(collector) == 1 ? .issueOne : .issueMany, String(tally.count(collector))),
                Self.names(tally.hosts(collector).sorted()))
        }
    }

    /// The reasons checks stayed unassessed (or in error), each with how many checks on which hosts.
    var unassessedReasons: [String] {
        let s = model.strings
        var tally = HostTally()
        for finding in model.findings where finding.status == .notAssessed || finding.status == .error {
            tally.add(finding.reason?.text(model.language) ?? s.status(finding.status), host: finding.host)
        }
        return tally.order.map { reason in
            s.format(
                DocumentString.limitReason, reason, s.checks(tally.count(reason)),
                Self.names(tally.hosts(reason).sorted()))
        }
    }

    /// How many hosts a sentence or a table cell names before it counts the rest.
    static let namedHosts = 5

    /// Up to `namedHosts` names, then how many in all.
    static func names(_ names: [String]) -> String {
        names.count > namedHosts
            ? names.prefix(namedHosts).joined(separator: ", ") + " … (\(names.count))" : names.joined(separator: ", ")
    }
}

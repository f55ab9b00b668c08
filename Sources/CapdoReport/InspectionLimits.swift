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
        var byCollector: [String: (issues: Int, hosts: Set<String>)] = [:]
        for host in model.hosts {
            for issue in host.issues {
                byCollector[issue.collector, default: (0, [])].issues += 1
                byCollector[issue.collector, default: (0, [])].hosts.insert(host.host)
            }
        }
        return byCollector.keys.sorted().map { collector in
            let entry = byCollector[collector] ?? (0, [])
            return s.format(
                FleetString.limitIssues, collector,
                s.format(entry.issues == 1 ? .issueOne : .issueMany, String(entry.issues)),
                Self.names(entry.hosts.sorted()))
        }
    }

    /// The reasons checks stayed unassessed (or in error), each with how many checks on which hosts.
    var unassessedReasons: [String] {
        let s = model.strings
        var byReason: [String: (checks: Int, hosts: Set<String>)] = [:]
        var order: [String] = []
        for finding in model.findings where finding.status == .notAssessed || finding.status == .error {
            let reason = finding.reason?.text(model.language) ?? s.status(finding.status)
            if byReason[reason] == nil { order.append(reason) }
            byReason[reason, default: (0, [])].checks += 1
            byReason[reason, default: (0, [])].hosts.insert(finding.host)
        }
        return order.map { reason in
            let entry = byReason[reason] ?? (0, [])
            return s.format(
                DocumentString.limitReason, reason, s.checks(entry.checks), Self.names(entry.hosts.sorted()))
        }
    }

    /// Up to five names, then how many more.
    static func names(_ names: [String]) -> String {
        names.count > 5
            ? names.prefix(5).joined(separator: ", ") + " … (\(names.count))" : names.joined(separator: ", ")
    }
}

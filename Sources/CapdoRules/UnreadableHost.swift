import CapdoCore
import Foundation

extension RuleEngine {
    /// The report entry of a host whose input could not be read (a snapshot file that is not JSON, too new, or
    /// invalid): every selected rule is an `error` finding naming the file and why, and the host carries an
    /// `unreadable` issue, so the host stays in every report format and the run exits 1 (`ScanResult.exitCode`).
    public func unreadable(_ rules: [Rule], file: String, reason: String, collector: String = "snapshot") -> HostResult
    {
        let text = LocalizedText(
            vi: "Không đọc được \(file): \(reason)", en: "Could not read \(file): \(reason)")
        let findings = rules.filter { profile.selects($0.id) }.map { rule in
            Finding(
                ruleID: rule.id, host: file, title: rule.title, requirement: rule.requirement, group: rule.group,
                severity: rule.severity, status: .error, reason: text,
                evidence: [
                    Evidence(
                        subject: "input", expected: "a readable \(collector)", found: reason, location: file,
                        outcome: .unknown)
                ],
                remediation: rule.remediation, thresholdSource: rule.thresholdSource,
                ruleLocation: rule.location.description)
        }
        return HostResult(
            host: file, root: file, live: false, collectedAt: now, findings: Finding.sortedForReport(findings),
            issues: [CollectionIssue(collector: collector, level: .unreadable, file: file, message: reason)],
            collectors: [])
    }
}

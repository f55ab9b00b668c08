import CapdoCore
import Foundation

/// The parts of the compact fleet JSON report (`FleetJSONReporter`, docs/fleet-json.md): each rule once, each host
/// once, and per rule the distinct outcomes with the hosts that had each.
public enum FleetJSONDocument {
    /// What is the same for every finding of a rule, written once.
    public struct Rule: Codable, Sendable, Equatable {
        public var id: String
        public var title: LocalizedText
        public var requirement: RequirementRef
        public var group: RequirementGroup
        public var severity: Severity
        public var remediation: LocalizedText
        public var thresholdSource: String
        public var ruleLocation: String

        init(_ finding: Finding) {
            id = finding.ruleID
            title = finding.title
            requirement = finding.requirement
            group = finding.group
            severity = finding.severity
            remediation = finding.remediation
            thresholdSource = finding.thresholdSource
            ruleLocation = finding.ruleLocation
        }

        enum CodingKeys: String, CodingKey {
            case id, title, requirement, group, severity, remediation
            case thresholdSource = "threshold_source"
            case ruleLocation = "rule_location"
        }
    }

    /// One host (or information system) and its row of the host × status matrix.
    public struct Host: Codable, Sendable, Equatable {
        public var host: String
        public var root: String
        public var live: Bool
        public var os: String?
        public var kernel: String?
        public var collectedAt: Date
        public var packageCount: Int?
        /// Set for an information system's result: the hosts its management items were judged over.
        public var members: [String]?
        public var issues: [CollectionIssue]
        /// Findings by status, every status present.
        public var counts: [String: Int]
        /// Highest severity among the host's `fail`, `warn` and `error` findings.
        public var worstSeverity: Severity?

        init(_ host: HostResult) {
            self.host = host.host
            root = host.root
            live = host.live
            os = host.os
            kernel = host.kernel
            collectedAt = host.collectedAt
            packageCount = host.packageCount
            members = host.members
            issues = host.issues
            let row = HostStatusMatrix.row(host)
            counts = Dictionary(uniqueKeysWithValues: FindingStatus.allCases.map { ($0.rawValue, row.count($0)) })
            worstSeverity = row.worstSeverity
        }

        enum CodingKeys: String, CodingKey {
            case host, root, live, os, kernel
            case collectedAt = "collected_at"
            case packageCount = "package_count"
            case members, issues, counts
            case worstSeverity = "worst_severity"
        }
    }

    /// What one or more hosts got from a rule: status, reason, evidence and waiver, shared by the hosts listed.
    public struct Outcome: Codable, Sendable, Equatable {
        public var status: FindingStatus
        public var reason: LocalizedText?
        public var evidence: [Evidence]
        public var waiver: AppliedWaiver?
        /// The remediation of these hosts' findings when it is not the rule's (nil: the rule's `remediation`).
        public var remediation: LocalizedText?
        /// Positions in the document's `hosts`, ascending.
        public var hosts: [Int]

        init(_ finding: Finding, rule: Finding) {
            status = finding.status
            reason = finding.reason
            evidence = finding.evidence
            waiver = finding.waiver
            remediation = finding.remediation == rule.remediation ? nil : finding.remediation
            hosts = []
        }
    }

    /// One rule's findings over the fleet: its distinct outcomes, in order of the first host that had each.
    public struct RuleFindings: Codable, Sendable, Equatable {
        public var rule: String
        public var outcomes: [Outcome]
    }

    /// Rules (report order), hosts (the result's order) and findings grouped by rule from `result`.
    public static func parts(_ result: ScanResult) -> (rules: [Rule], hosts: [Host], findings: [RuleFindings]) {
        var ruleIndex: [String: Int] = [:]
        var representatives: [Finding] = []
        var outcomes: [[Outcome]] = []
        var outcomeIndex: [[OutcomeKey: Int]] = []
        // Per rule, the last finding's outcome: hosts judged from one remembered finding share its evidence list, so
        // the next host's finding is most often found the same without hashing its texts.
        var last: [(finding: Finding, outcome: Int)?] = []
        for (position, host) in result.hosts.enumerated() {
            for finding in host.findings {
                let rule: Int
                if let known = ruleIndex[finding.ruleID] {
                    rule = known
                } else {
                    rule = representatives.count
                    ruleIndex[finding.ruleID] = rule
                    representatives.append(finding)
                    outcomes.append([])
                    outcomeIndex.append([:])
                    last.append(nil)
                }
                if let previous = last[rule], OutcomeKey.sameOutcome(previous.finding, finding) {
                    outcomes[rule][previous.outcome].hosts.append(position)
                    continue
                }
                let key = OutcomeKey(finding, rule: representatives[rule])
                let outcome: Int
                if let known = outcomeIndex[rule][key] {
                    outcome = known
                    outcomes[rule][known].hosts.append(position)
                } else {
                    outcome = outcomes[rule].count
                    outcomeIndex[rule][key] = outcome
                    var made = Outcome(finding, rule: representatives[rule])
                    made.hosts = [position]
                    outcomes[rule].append(made)
                }
                last[rule] = (finding, outcome)
            }
        }
        // Report order of the rules: their findings compared with one host name, so only the rule decides.
        let sorted = Finding.sortedForReport(
            representatives.map { finding in
                var anonymous = finding
                anonymous.host = ""
                return anonymous
            })
        let order = sorted.compactMap { ruleIndex[$0.ruleID] }
        return (
            order.map { Rule(representatives[$0]) }, result.hosts.map(Host.init),
            order.map { RuleFindings(rule: representatives[$0].ruleID, outcomes: outcomes[$0]) }
        )
    }
}

private extension FleetJSONDocument {
    /// What makes two findings of a rule one outcome: everything but the host.
    struct OutcomeKey: Hashable {
        var status: FindingStatus
        /// Reason and evidence, hashed by their bytes (`ProofKey`).
        var proof: ProofKey
        var waiver: AppliedWaiver?
        var remediation: LocalizedText?

        init(_ finding: Finding, rule: Finding) {
            status = finding.status
            proof = ProofKey(reason: finding.reason, evidence: finding.evidence)
            waiver = finding.waiver
            remediation = finding.remediation == rule.remediation ? nil : finding.remediation
        }

        /// Whether two findings of one rule are one outcome, told without hashing when they hold the very same
        /// evidence list (false only means "not told": the keys decide then).
        static func sameOutcome(_ a: Finding, _ b: Finding) -> Bool {
            let sharedEvidence = a.evidence.withUnsafeBufferPointer { x in
                b.evidence.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count }
            }
            return sharedEvidence && a.status == b.status
                && ProofKey.same(a.reason, b.reason) && a.waiver == b.waiver && a.remediation == b.remediation
        }
    }
}

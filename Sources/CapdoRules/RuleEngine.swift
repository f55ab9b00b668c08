import CapdoCore
import Foundation

/// Judges rules against facts: applicability, check, warn threshold, manual attestation, waivers.
public struct RuleEngine: Sendable {
    public let profile: Profile
    public let waivers: [Waiver]
    public let now: Date
    /// The profile's variables, taken out once (every rule of every host reads them).
    let variables: [String: FactValue]

    public init(profile: Profile, waivers: [Waiver] = [], now: Date) {
        self.profile = profile
        self.waivers = waivers
        self.now = now
        variables = profile.variables.mapValues(\.value)
    }

    /// Evaluates every selected rule against one snapshot.
    public func evaluate(_ rules: [Rule], snapshot: HostSnapshot) -> HostResult {
        evaluate(rules, snapshot: snapshot, facts: (try? FactValue.from(snapshot)) ?? .object([:]))
    }

    /// Evaluates every selected rule against a snapshot whose facts tree is already at hand (`SnapshotReader`).
    /// `inReportOrder`: the rules come from `Finding.reportOrder(of:)`, so the findings need no sorting.
    public func evaluate(
        _ rules: [Rule], snapshot: HostSnapshot, facts: FactValue, inReportOrder: Bool = false
    ) -> HostResult {
        let host = snapshot.hostName
        let packageIndex = EvaluationContext.indexPackages(facts)
        let stepIssues = EvaluationContext.stepIssues(snapshot.issues)
        var findings: [Finding] = []
        findings.reserveCapacity(rules.count)
        for index in rules.indices where profile.selects(rules[index].id) {
            findings.append(
                evaluate(
                    rules[index], facts: facts, host: host, issues: snapshot.issues, packageIndex: packageIndex,
                    stepIssues: stepIssues))
        }
        let sorted = inReportOrder ? findings : Finding.sortedForReport(findings)
        let os =
            snapshot.system?.prettyName
            ?? snapshot.system.flatMap { system in
                system.osID.map { "\($0) \(system.versionID ?? "")" }
            }
        return HostResult(
            host: host, root: snapshot.root, live: snapshot.live, os: os, kernel: snapshot.system?.kernel,
            collectedAt: snapshot.collectedAt, packageCount: snapshot.packages?.present.count, findings: sorted,
            issues: snapshot.issues, collectors: snapshot.collectors, tls: snapshot.tls,
            antivirus: snapshot.antivirus, lan: snapshot.lan)
    }

    /// Evaluates one rule against a facts tree (a snapshot or an example fragment).
    public func evaluate(_ rule: Rule, facts: FactValue, host: String, issues: [CollectionIssue] = []) -> Finding {
        evaluate(
            rule, facts: facts, host: host, issues: issues, packageIndex: nil,
            stepIssues: EvaluationContext.stepIssues(issues))
    }

    func evaluate(
        _ rule: Rule, facts: FactValue, host: String, issues: [CollectionIssue], packageIndex: [String: [FactValue]]?,
        stepIssues: [EvaluationContext.StepIssue]
    ) -> Finding {
        let context = EvaluationContext(
            facts: facts, now: now, variables: variables, issues: issues, packageIndex: packageIndex,
            stepIssues: stepIssues)
        let evaluator = CheckEvaluator(context: context)
        let rule = rule.textRefersToVariables ? rendered(rule) : rule
        var finding = Finding(
            ruleID: rule.id, host: host, title: rule.title, requirement: rule.requirement, group: rule.group,
            severity: rule.severity, status: .pass, evidence: [], remediation: rule.remediation,
            thresholdSource: rule.thresholdSource, ruleLocation: rule.location.description)

        if let applies = rule.applies {
            let result = evaluator.evaluate(applies)
            switch result.outcome {
            case .pass:
                break
            case .fail:
                finding.status = .notApplicable
                let found = result.evidence.filter { $0.outcome == .fail }.map { "\($0.subject): \($0.found)" }.joined(
                    separator: "; ")
                finding.reason = LocalizedText(vi: "Không áp dụng: \(found)", en: "Does not apply: \(found)")
                finding.evidence = result.evidence
                return finding
            case .unknown(let reason, let error):
                // Whether the rule applies could not be told: that is missing facts, not a host without the thing.
                finding.status = error ? .error : .notAssessed
                finding.reason = LocalizedText(
                    vi: "Không xác định được phạm vi áp dụng: \(reason)", en: "Applicability unknown: \(reason)")
                finding.evidence = result.evidence
                return finding
            }
        }

        var result = evaluator.evaluate(rule.check)
        if result.outcome == .pass, !result.vacuous.isEmpty {
            result = Self.requireAbsenceProof(rule, result, evaluator: evaluator)
        }
        finding.evidence = result.evidence
        switch result.outcome {
        case .pass:
            finding.status = .pass
            if let warnUnless = rule.warnUnless {
                let warn = evaluator.evaluate(warnUnless)
                finding.evidence += warn.evidence
                if warn.outcome == .fail {
                    finding.status = .warn
                    finding.reason = Self.summary(
                        of: warn.evidence, prefixVi: "Chưa đạt mức khuyến nghị", prefixEn: "Below the recommended level"
                    )
                }
            }
        case .fail:
            // An attestation not yet given is not a failed check, but evidence that proves the item unmet (a
            // document past its review date) is.
            let awaiting = rule.manual && !result.definite
            finding.status = awaiting ? .manual : .fail
            finding.reason =
                awaiting
                ? Self.attestation(rule, found: result.evidence)
                : Self.summary(of: result.evidence, prefixVi: "Phát hiện", prefixEn: "Found")
            // Its rows await confirmation, like the finding.
            if awaiting { finding.evidence = Self.awaitingConfirmation(finding.evidence) }
        case .unknown(let reason, let error):
            if rule.manual {
                finding.status = .manual
                var attestation = Self.attestation(rule, found: [])
                attestation.vi += " Chưa xem được hồ sơ: \(reason)"
                attestation.en += " The evidence could not be read: \(reason)"
                finding.reason = attestation
                finding.evidence = Self.awaitingConfirmation(finding.evidence)
            } else if error {
                finding.status = .error
                finding.reason = LocalizedText(vi: "Không kiểm tra được: \(reason)", en: "Could not check: \(reason)")
            } else {
                finding.status = .notAssessed
                finding.reason = LocalizedText(
                    vi: "Chưa đánh giá, thiếu dữ liệu: \(reason)", en: "Not assessed, no facts: \(reason)")
            }
        }
        return applyWaiver(to: finding)
    }

    /// `rule` with the profile's values written into its title, description and remediation (`${name}` → `14`);
    /// a name the profile does not define stays as it is (and `capdo rules lint` reports it).
    public func rendered(_ rule: Rule) -> Rule {
        func fill(_ text: String) -> String {
            guard FactValue.string(text).refersToVariables else { return text }
            return EvaluationContext.fill(text) { variables[$0]?.display }.text
        }
        func fill(_ text: LocalizedText) -> LocalizedText { LocalizedText(vi: fill(text.vi), en: fill(text.en)) }
        var rule = rule
        rule.title = fill(rule.title)
        rule.description = rule.description.map(fill)
        rule.remediation = fill(rule.remediation)
        return rule
    }

    /// A pass that rests on finding nothing stands only with the rule's `absence_proof`; otherwise it is unknown
    /// (not assessed), with the proof's own evidence shown either way.
    static func requireAbsenceProof(_ rule: Rule, _ result: CheckEvaluator.Result, evaluator: CheckEvaluator)
        -> CheckEvaluator.Result
    {
        let subjects = result.vacuous.joined(separator: "; ")
        guard let proofCheck = rule.absenceProof else {
            return CheckEvaluator.Result(
                outcome: .unknown(
                    reason: "nothing was there to look at (\(subjects)): finding nothing is no proof", error: false),
                evidence: result.evidence)
        }
        let proof = evaluator.evaluate(proofCheck)
        switch proof.outcome {
        case .pass where proof.vacuous.isEmpty:
            return CheckEvaluator.Result(outcome: .pass, evidence: result.evidence + proof.evidence)
        case .unknown(let reason, let error):
            return CheckEvaluator.Result(
                outcome: .unknown(reason: reason, error: error), evidence: result.evidence + proof.evidence)
        default:
            return CheckEvaluator.Result(
                outcome: .unknown(
                    reason: "what was observed does not cover what the rule looks for (\(subjects))", error: false),
                evidence: result.evidence + proof.evidence)
        }
    }

    func applyWaiver(to finding: Finding) -> Finding {
        guard finding.status == .fail || finding.status == .warn || finding.status == .manual else { return finding }
        let matching = waivers.filter { $0.rule == finding.ruleID && $0.covers(host: finding.host) }
        guard let waiver = matching.first(where: { !$0.isExpired(at: now) }) ?? matching.first else { return finding }
        var result = finding
        let expired = waiver.isExpired(at: now)
        result.waiver = AppliedWaiver(
            justification: waiver.justification, approvedBy: waiver.approvedBy, expires: waiver.expires,
            expired: expired,
            location: waiver.location?.description)
        if !expired { result.status = .waived }
        return result
    }

    /// The reason of an attestation still missing: the evidence the rule asks for (its description), then what the
    /// evidence index holds for it.
    static func attestation(_ rule: Rule, found evidence: [Evidence]) -> LocalizedText {
        let asked = rule.description ?? LocalizedText(vi: "", en: "")
        let held = evidence.map(\.found).filter { !$0.isEmpty }.joined(separator: "; ")
        var text = LocalizedText(vi: "Cần xác nhận. \(asked.vi)", en: "Attestation needed. \(asked.en)")
        if !held.isEmpty {
            text.vi += " Hồ sơ hiện có: \(held)."
            text.en += " The evidence index holds: \(held)."
        }
        return text
    }

    /// Evidence rows of an attestation not yet given: what failed is shown as awaiting confirmation.
    static func awaitingConfirmation(_ evidence: [Evidence]) -> [Evidence] {
        evidence.map { item in
            var item = item
            if item.outcome == .fail { item.outcome = .unknown }
            return item
        }
    }

    static func summary(of evidence: [Evidence], prefixVi: String, prefixEn: String) -> LocalizedText {
        let failing = evidence.filter { $0.outcome == .fail }.prefix(3).map { item in
            "\(item.subject) = \(item.found)" + (item.location.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")
        return LocalizedText(vi: "\(prefixVi): \(failing)", en: "\(prefixEn): \(failing)")
    }
}

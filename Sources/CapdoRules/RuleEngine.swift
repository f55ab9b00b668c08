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
    /// `inReportOrder`: the rules come from `Finding.reportOrder(of:)`, so the findings need no sorting. With a
    /// `memo` made for `rules`, a rule whose facts another host had is not judged again (`RuleMemo`, which compares
    /// sections by their bytes in `spans` where given); `share` is given each finding judged afresh, before it is kept.
    public func evaluate(
        _ rules: [Rule], snapshot: HostSnapshot, facts: FactValue, spans: FactSpans? = nil, inReportOrder: Bool = false,
        memo: RuleMemo? = nil, share: (inout Finding) -> Void = { _ in }
    ) -> HostResult {
        let host = snapshot.hostName
        let stepIssues = EvaluationContext.stepIssues(snapshot.issues)
        // Built on first use: with a memo, most hosts never judge a package rule afresh.
        var packageIndex: [String: [FactValue]]??
        func packages() -> [String: [FactValue]]? {
            if let packageIndex { return packageIndex }
            let built = EvaluationContext.indexPackages(facts)
            packageIndex = .some(built)
            return built
        }
        let identities = memo?.identify(facts, spans: spans)
        var findings: [Finding] = []
        findings.reserveCapacity(rules.count)
        for index in rules.indices where profile.selects(rules[index].id) {
            guard let memo, let identities, let key = memo.key(rule: index, identities) else {
                var finding = judge(
                    rules[index], facts: facts, host: host, issues: snapshot.issues, packageIndex: packages(),
                    stepIssues: stepIssues)
                share(&finding)
                findings.append(applyWaiver(to: finding))
                continue
            }
            var finding: Finding
            if let known = memo.finding(rule: index, key: key) {
                finding = known
            } else {
                var judged = judge(
                    rules[index], facts: memo.restricted(facts, rule: index), host: "", issues: snapshot.issues,
                    packageIndex: memo.readsPackages[index] ? packages() : nil, stepIssues: stepIssues)
                share(&judged)
                finding = memo.remember(judged, rule: index, key: key)
            }
            finding.host = host
            findings.append(applyWaiver(to: finding))
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
        applyWaiver(
            to: judge(
                rule, facts: facts, host: host, issues: issues, packageIndex: packageIndex, stepIssues: stepIssues))
    }

    /// The finding of one rule before waivers: it depends on the host only through `facts`, `issues` and its
    /// `host` member.
    func judge(
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
                finding.reason = Self.notApplicable(result.evidence)
                finding.evidence = result.evidence
                return finding
            case .unknown(let reason, let error):
                // Whether the rule applies could not be told: that is missing facts, not a host without the thing.
                finding.status = error ? .error : .notAssessed
                finding.reason = LocalizedText(
                    vi: "Không xác định được quy tắc có áp dụng cho máy này không: \(reason.vi)",
                    en: "Whether the rule applies could not be told: \(reason.en)")
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
                let warn = evaluator.evaluate(
                    warnUnless, firstGroup: CheckEvaluator.nextGroup(after: finding.evidence))
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
                attestation.vi += " Chưa xem được hồ sơ: \(reason.vi)."
                attestation.en += " The evidence could not be read: \(reason.en)."
                finding.reason = attestation
                finding.evidence = Self.awaitingConfirmation(finding.evidence)
            } else if error {
                finding.status = .error
                finding.reason = LocalizedText(
                    vi: "Không kiểm tra được: \(reason.vi)", en: "Could not check: \(reason.en)")
            } else {
                finding.status = .notAssessed
                finding.reason = LocalizedText(
                    vi: "Chưa đánh giá được — \(reason.vi)", en: "Not assessed — \(reason.en)")
            }
        }
        return finding
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
                    reason: LocalizedText(
                        vi: "không có gì để xem xét (\(subjects)): không thấy gì chưa phải là bằng chứng",
                        en: "nothing was there to look at (\(subjects)): finding nothing is no proof"),
                    error: false),
                evidence: result.evidence)
        }
        let proof = evaluator.evaluate(proofCheck, firstGroup: CheckEvaluator.nextGroup(after: result.evidence))
        switch proof.outcome {
        case .pass where proof.vacuous.isEmpty:
            return CheckEvaluator.Result(outcome: .pass, evidence: result.evidence + proof.evidence)
        case .unknown(let reason, let error):
            return CheckEvaluator.Result(
                outcome: .unknown(reason: reason, error: error), evidence: result.evidence + proof.evidence)
        default:
            return CheckEvaluator.Result(
                outcome: .unknown(
                    reason: LocalizedText(
                        vi: "những gì quan sát được không bao quát điều quy tắc cần xem xét (\(subjects))",
                        en: "what was observed does not cover what the rule looks for (\(subjects))"),
                    error: false),
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
        let held = evidence.map { $0.text ?? LocalizedText($0.found) }.filter { !$0.en.isEmpty }
        var text = LocalizedText(vi: "Cần xác nhận. \(asked.vi)", en: "Attestation needed. \(asked.en)")
        if !held.isEmpty {
            text.vi += " Hồ sơ hiện có: \(held.map(\.vi).joined(separator: "; "))."
            text.en += " The evidence index holds: \(held.map(\.en).joined(separator: "; "))."
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

    /// The first failing rows of `evidence` in words, after a prefix (`Phát hiện: 1 tài khoản có mật khẩu rỗng…`).
    /// A group of options that failed reads as one phrase; rows of a group that held are not failures.
    static func summary(of evidence: [Evidence], prefixVi: String, prefixEn: String) -> LocalizedText {
        var failing: [LocalizedText] = []
        var groupsSaid: Set<Int> = []
        for item in evidence where item.outcome == .fail {
            guard let alternative = item.alternative else {
                failing.append(sentence(item))
                continue
            }
            let options = Set(evidence.filter { $0.alternative?.group == alternative.group }.compactMap(\.alternative))
            guard !options.contains(where: { $0.outcome == .pass }), groupsSaid.insert(alternative.group).inserted
            else { continue }
            let count = Set(options.map(\.option)).count
            failing.append(
                LocalizedText(
                    vi: "không cách nào trong \(count) cách được chấp nhận đạt yêu cầu (xem phần bằng chứng)",
                    en: "none of the \(count) accepted options holds (see the evidence)"))
        }
        failing = Array(failing.prefix(3))
        return LocalizedText(
            vi: "\(prefixVi): \(failing.map { $0.vi.lowercasedFirst }.joined(separator: "; "))",
            en: "\(prefixEn): \(failing.map { $0.en.lowercasedFirst }.joined(separator: "; "))")
    }

    /// Why a rule does not apply, in words: the failing rows of its `applies` (`quy tắc dành cho máy Windows; máy này
    /// là Ubuntu 22.04 LTS (họ Debian)`).
    static func notApplicable(_ evidence: [Evidence]) -> LocalizedText {
        let failing = evidence.filter { $0.outcome == .fail }.map(sentence)
        return LocalizedText(
            vi: "Không áp dụng: \(failing.map { $0.vi.lowercasedFirst }.joined(separator: "; "))",
            en: "Does not apply: \(failing.map { $0.en.lowercasedFirst }.joined(separator: "; "))")
    }

    /// A row's sentence, or its notation when it has none.
    private static func sentence(_ item: Evidence) -> LocalizedText {
        item.text ?? LocalizedText("\(item.subject) = \(item.found)" + (item.location.map { " (\($0))" } ?? ""))
    }
}

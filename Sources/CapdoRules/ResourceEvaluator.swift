import CapdoCore

/// Judges one resource check (docs/rules.md, "Resources"): its kind's resolver (`ResourceResolvers`) reads the facts,
/// with the judging steps every kind shares — one value against matchers, evidence rows, unknown outcomes.
struct ResourceEvaluator {
    let context: EvaluationContext
    let check: ResourceCheck

    var matcher: MatcherEvaluator { MatcherEvaluator(context: context) }
    var facts: FactValue { context.facts }

    func evaluate() -> CheckEvaluator.Result {
        guard let resolver = ResourceResolvers.resolver(for: check.kind) else {
            // The parser refuses unknown kinds; a check built by hand with one must still never pass.
            return unknown(
                check.kind.rawValue, .unknown(reason: ReasonText.unknownResource(check.kind.rawValue), error: true))
        }
        // Most hosts have no step issues: then the check's paths need not be worked out at all.
        guard !context.stepIssues.isEmpty else { return resolver.resolve(self) }
        let paths = resolver.factPaths(check.selector)
        let blocking = context.stepFailures(reading: paths)
        if !blocking.isEmpty {
            let subject = paths.first?.description ?? check.kind.rawValue
            return unknown(subject, .unknown(issues: blocking.map(\.description), error: true))
        }
        return resolver.resolve(self)
    }

    /// One value (absent: *not set*) against the check's matchers, or against `exists` when it has none;
    /// `sentence` words the evidence from the requirement (`EvidenceSentence`).
    func judgeValue(
        _ subject: String, _ value: FactValue?, location: String?,
        sentence: (_ requirement: LocalizedText, _ matchers: [Matcher]) -> LocalizedText
    ) -> CheckEvaluator.Result {
        let matchers = check.matchers.isEmpty ? [Matcher(op: .exists, operand: .bool(true))] : check.matchers
        let judgement = matcher.judge(value, matchers)
        let found = value.map { $0.isNull ? "(not set)" : $0.display } ?? "(not set)"
        return single(
            subject, expected: judgement.expected, found: found, location: location, outcome: judgement.outcome,
            text: sentence(judgement.requirement, matchers))
    }

    /// The selector's `name`, or its `names` list.
    func names() -> [String] {
        if let list = check.selector["names"]?.arrayValue { return list.compactMap(\.stringValue) }
        return [check.selector["name"]?.stringValue].compactMap { $0 }
    }

    /// A check that could not be judged: the reason, in the sentence after what the check is about.
    func unknown(_ subject: String, _ outcome: Outcome) -> CheckEvaluator.Result {
        var reason = LocalizedText("")
        if case .unknown(let text, _) = outcome { reason = text }
        return CheckEvaluator.Result(
            outcome: outcome,
            evidence: [
                Evidence(
                    subject: subject, expected: "-", found: "unknown: \(reason.en)", location: nil, outcome: .unknown,
                    text: EvidenceSentence.unknown(EvidenceSentence.subject(check), reason: reason))
            ])
    }

    func single(
        _ subject: String, expected: String, found: String, location: String?, outcome: Outcome, text: LocalizedText
    ) -> CheckEvaluator.Result {
        CheckEvaluator.Result(
            outcome: outcome,
            evidence: [
                Evidence(
                    subject: subject, expected: expected, found: found, location: location,
                    outcome: outcome.evidenceOutcome, text: text)
            ])
    }

    /// Several subjects of one check (`names: […]`): all must hold.
    func combined(_ results: [CheckEvaluator.Result]) -> CheckEvaluator.Result {
        CheckEvaluator.Result(
            outcome: .all(results.map(\.outcome)), evidence: results.flatMap(\.evidence),
            vacuous: results.flatMap(\.vacuous))
    }

    /// `where` values: a scalar means equality, a mapping holds matchers.
    static func matchers(from spec: FactValue) -> [Matcher] {
        guard let members = spec.objectValue else { return [Matcher(op: .equals, operand: spec)] }
        return members.sorted { $0.key < $1.key }.compactMap { key, operand in
            guard let op = MatcherOperator(rawValue: key) else { return nil }
            if op.takesNestedMatchers { return Matcher(op: op, operand: .null, nested: matchers(from: operand)) }
            return Matcher(op: op, operand: operand)
        }
    }

    /// The closest provenance along a path: a `file`/`line` pair, or the files a section was read from.
    static func nearestLocation(_ facts: FactValue, path: String) -> String? {
        var components = path.split(separator: ".").map(String.init)
        while !components.isEmpty {
            if let node = facts.value(atPath: components.joined(separator: ".")), node.objectValue != nil {
                if let located = location(node) { return located }
                for key in ["oldest_file", "newest_artefact", "index", "source"] {
                    if let text = node[key]?.stringValue { return text }
                }
                for key in ["sources", "files", "searched"] {
                    if let list = node[key]?.arrayValue?.compactMap(\.stringValue), !list.isEmpty {
                        return list.prefix(3).joined(separator: ", ") + (list.count > 3 ? ", …" : "")
                    }
                }
                if let folder = node["folder"]?.stringValue { return folder }
            }
            components.removeLast()
        }
        return nil
    }

    /// `file:line` of an item; with `shadow`, the account's etc/shadow line when the password field lives there.
    static func location(_ value: FactValue, shadow: Bool) -> String? {
        if shadow, let line = value["shadow_line"]?.numberValue { return "etc/shadow:\(FactValue.format(line))" }
        return location(value)
    }

    static func location(_ value: FactValue) -> String? {
        guard let file = value["file"]?.stringValue else { return nil }
        if let line = value["line"]?.numberValue { return "\(file):\(FactValue.format(line))" }
        return file
    }
}

extension Outcome {
    /// Marks an unknown outcome as a collector error (the collector ran but could not look).
    func upgradedToError() -> Outcome {
        if case .unknown(let reason, _) = self { return .unknown(reason: reason, error: true) }
        return self
    }
}

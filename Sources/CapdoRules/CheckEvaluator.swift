import CapdoCore

/// Evaluates a `Check` tree against the facts, collecting evidence for every leaf.
struct CheckEvaluator {
    let context: EvaluationContext

    struct Result {
        var outcome: Outcome
        var evidence: [Evidence]
        /// Subjects whose pass rests only on finding nothing in a collection that cannot prove absence
        /// (empty, or a `lan.*` observation): the rule's `absence_proof` decides, else the rule is not assessed.
        var vacuous: [String] = []
        /// A `fail` that stands even in an attestation (`manual`) rule: the evidence is there and proves the item
        /// is not met (a document past its review date), rather than an attestation not yet given.
        var definite = false
    }

    /// Evaluates `check`; its `any:` groups are numbered from `firstGroup` (`nextGroup(after:)` continues a finding's
    /// numbering when a second tree, `warn_unless` or `absence_proof`, adds evidence to it).
    func evaluate(_ check: Check, firstGroup: Int = 1) -> Result {
        var group = firstGroup - 1
        return evaluate(check, groups: &group)
    }

    /// The group number after those already in `evidence`.
    static func nextGroup(after evidence: [Evidence]) -> Int {
        (evidence.compactMap { $0.alternative?.group }.max() ?? 0) + 1
    }

    private func evaluate(_ check: Check, groups: inout Int) -> Result {
        switch check {
        case .all(let checks):
            var results: [Result] = []
            for check in checks { results.append(evaluate(check, groups: &groups)) }
            return Result(
                outcome: .all(results.map(\.outcome)), evidence: results.flatMap(\.evidence),
                vacuous: results.flatMap(\.vacuous), definite: results.contains { $0.outcome == .fail && $0.definite })
        case .any(let checks):
            groups += 1
            let group = groups
            var results: [Result] = []
            for check in checks { results.append(evaluate(check, groups: &groups)) }
            // One branch that passed on real matches is proof enough; otherwise the vacuous passes carry over.
            let proven = results.firstIndex { $0.outcome == .pass && $0.vacuous.isEmpty }
            let outcome = Outcome.any(results.map(\.outcome))
            let decider = outcome == .pass ? proven ?? results.firstIndex { $0.outcome == .pass } : nil
            return Result(
                outcome: outcome,
                evidence: Self.options(results, group: group, decider: decider),
                vacuous: proven != nil ? [] : results.filter { $0.outcome == .pass }.flatMap(\.vacuous),
                definite: !results.isEmpty && results.allSatisfy { $0.outcome == .fail && $0.definite })
        case .none(let checks):
            var results: [Result] = []
            for check in checks { results.append(evaluate(check, groups: &groups)) }
            return Result(outcome: .none(results.map(\.outcome)), evidence: results.flatMap(\.evidence))
        case .resource(let resource):
            return ResourceEvaluator(context: context, check: resource).evaluate()
        }
    }

    /// The evidence of an `any:` check's options, each row marked with its group and option (an inner `any:` is
    /// folded into the option that holds it: reports show one level of alternatives).
    private static func options(_ results: [Result], group: Int, decider: Int?) -> [Evidence] {
        results.enumerated().flatMap { index, result in
            result.evidence.map { item in
                var item = item
                item.alternative = EvidenceAlternative(
                    group: group, option: index + 1, outcome: result.outcome.evidenceOutcome,
                    decided: index == decider)
                return item
            }
        }
    }
}

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

    func evaluate(_ check: Check) -> Result {
        switch check {
        case .all(let checks):
            let results = checks.map(evaluate)
            return Result(
                outcome: .all(results.map(\.outcome)), evidence: results.flatMap(\.evidence),
                vacuous: results.flatMap(\.vacuous), definite: results.contains { $0.outcome == .fail && $0.definite })
        case .any(let checks):
            let results = checks.map(evaluate)
            // One branch that passed on real matches is proof enough; otherwise the vacuous passes carry over.
            let proven = results.contains { $0.outcome == .pass && $0.vacuous.isEmpty }
            return Result(
                outcome: .any(results.map(\.outcome)), evidence: results.flatMap(\.evidence),
                vacuous: proven ? [] : results.filter { $0.outcome == .pass }.flatMap(\.vacuous),
                definite: !results.isEmpty && results.allSatisfy { $0.outcome == .fail && $0.definite })
        case .none(let checks):
            let results = checks.map(evaluate)
            return Result(outcome: .none(results.map(\.outcome)), evidence: results.flatMap(\.evidence))
        case .resource(let resource):
            return ResourceEvaluator(context: context, check: resource).evaluate()
        }
    }
}

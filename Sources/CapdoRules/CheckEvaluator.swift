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
    }

    func evaluate(_ check: Check) -> Result {
        switch check {
        case .all(let checks):
            let results = checks.map(evaluate)
            return Result(
                outcome: .all(results.map(\.outcome)), evidence: results.flatMap(\.evidence),
                vacuous: results.flatMap(\.vacuous))
        case .any(let checks):
            let results = checks.map(evaluate)
            // One branch that passed on real matches is proof enough; otherwise the vacuous passes carry over.
            let proven = results.contains { $0.outcome == .pass && $0.vacuous.isEmpty }
            return Result(
                outcome: .any(results.map(\.outcome)), evidence: results.flatMap(\.evidence),
                vacuous: proven ? [] : results.filter { $0.outcome == .pass }.flatMap(\.vacuous))
        case .none(let checks):
            let results = checks.map(evaluate)
            return Result(outcome: .none(results.map(\.outcome)), evidence: results.flatMap(\.evidence))
        case .resource(let resource):
            return ResourceEvaluator(context: context, check: resource).evaluate()
        }
    }
}

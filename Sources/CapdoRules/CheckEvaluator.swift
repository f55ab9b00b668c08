import CapdoCore

/// Evaluates a `Check` tree against the facts, collecting evidence for every leaf.
struct CheckEvaluator {
    let context: EvaluationContext

    struct Result {
        var outcome: Outcome
        var evidence: [Evidence]
    }

    func evaluate(_ check: Check) -> Result {
        switch check {
        case .all(let checks):
            let results = checks.map(evaluate)
            return Result(outcome: .all(results.map(\.outcome)), evidence: results.flatMap(\.evidence))
        case .any(let checks):
            let results = checks.map(evaluate)
            return Result(outcome: .any(results.map(\.outcome)), evidence: results.flatMap(\.evidence))
        case .none(let checks):
            let results = checks.map(evaluate)
            return Result(outcome: .none(results.map(\.outcome)), evidence: results.flatMap(\.evidence))
        case .resource(let resource):
            return ResourceEvaluator(context: context, check: resource).evaluate()
        }
    }
}

import CapdoCore

/// A one-line text form of a check, for `capdo rules show`.
enum RuleDescription {
    static func describe(_ check: Check) -> String {
        switch check {
        case .all(let checks): return "all(" + checks.map(describe).joined(separator: ", ") + ")"
        case .any(let checks): return "any(" + checks.map(describe).joined(separator: ", ") + ")"
        case .none(let checks): return "none(" + checks.map(describe).joined(separator: ", ") + ")"
        case .resource(let resource):
            let selector = resource.selector.keys.sorted().map { "\($0)=\(resource.selector[$0]!.display)" }
            let matchers = resource.matchers.map(describe)
            return "\(resource.kind.rawValue){" + (selector + matchers).joined(separator: " ") + "}"
        }
    }

    static func describe(_ matcher: Matcher) -> String {
        if matcher.nested.isEmpty { return "\(matcher.op.rawValue)=\(matcher.operand.display)" }
        return "\(matcher.op.rawValue){" + matcher.nested.map(describe).joined(separator: " ") + "}"
    }
}

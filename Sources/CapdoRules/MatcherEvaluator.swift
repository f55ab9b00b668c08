import CapdoCore
import Foundation

/// Applies matchers to one resolved value. Pure; the only place matcher semantics live.
struct MatcherEvaluator {
    let context: EvaluationContext

    /// Result of matching one value: the outcome and what was expected, as notation (`≥ 8`, for tools) and in words
    /// (`tối thiểu 8` / `at least 8`, for the evidence sentence).
    struct Judgement {
        var outcome: Outcome
        var expected: String
        var requirement: LocalizedText

        init(outcome: Outcome, expected: String, requirement: LocalizedText? = nil) {
            self.outcome = outcome
            self.expected = expected
            self.requirement = requirement ?? LocalizedText(expected)
        }
    }

    func judge(_ value: FactValue?, _ matchers: [Matcher]) -> Judgement {
        judge(value, matchers, describing: true)
    }

    /// Whether `value` passes every matcher: `judge`'s outcome without its texts, for filters that ask it per item.
    func passes(_ value: FactValue?, _ matchers: [Matcher]) -> Bool {
        judge(value, matchers, describing: false).outcome == .pass
    }

    /// `describing`: whether the expected notation and the requirement in words are wanted (else both are left
    /// empty; the outcome is the same).
    private func judge(_ value: FactValue?, _ matchers: [Matcher], describing: Bool) -> Judgement {
        var outcomes: [Outcome] = []
        var expectations: [String] = []
        var requirements: [LocalizedText] = []
        for matcher in matchers {
            let (outcome, expected, requirement) = judgeOne(value, matcher, describing: describing)
            outcomes.append(outcome)
            expectations.append(expected)
            requirements.append(requirement)
        }
        guard describing else { return Judgement(outcome: Outcome.all(outcomes), expected: "") }
        return Judgement(
            outcome: Outcome.all(outcomes), expected: expectations.joined(separator: " and "),
            requirement: MatcherPhrase.all(requirements))
    }

    private func judgeOne(_ raw: FactValue?, _ matcher: Matcher, describing: Bool) -> (Outcome, String, LocalizedText) {
        let value = raw.flatMap { $0.isNull ? nil : $0 }
        if matcher.op.takesNestedMatchers {
            return judgeNested(value, matcher, describing: describing)
        }
        let operand: FactValue
        switch matcher.hasVariables ? context.resolve(matcher.operand) : .success(matcher.operand) {
        case .success(let resolved): operand = resolved
        case .failure(let undefined):
            return (
                .unknown(reason: ReasonText.undefinedVariable(undefined.name), error: true), "${\(undefined.name)}",
                LocalizedText("${\(undefined.name)}")
            )
        }
        let (outcome, expected) = judgeResolved(value, matcher.op, operand, describing: describing)
        return (outcome, expected, describing ? MatcherPhrase.phrase(matcher.op, operand) : LocalizedText(""))
    }

    private func judgeResolved(
        _ value: FactValue?, _ op: MatcherOperator, _ operand: FactValue, describing: Bool
    ) -> (Outcome, String) {
        let matcher = (op: op, operand: operand)
        let expected = describing ? Self.describe(matcher.op, operand) : ""
        let result: Bool
        switch matcher.op {
        case .equals: result = value.map { Self.looselyEqual($0, operand) } ?? false
        case .notEquals: result = value.map { !Self.looselyEqual($0, operand) } ?? true
        case .in:
            result = value.map { v in (operand.arrayValue ?? [operand]).contains { Self.looselyEqual(v, $0) } } ?? false
        case .notIn:
            result = value.map { v in !(operand.arrayValue ?? [operand]).contains { Self.looselyEqual(v, $0) } } ?? true
        case .lt, .le, .gt, .ge:
            guard let number = value?.numberValue, let bound = operand.numberValue else {
                return (.fail, expected + (value == nil ? "" : " (found value is not a number)"))
            }
            switch matcher.op {
            case .lt: result = number < bound
            case .le: result = number <= bound
            case .gt: result = number > bound
            default: result = number >= bound
            }
        case .matches, .notMatches:
            let text = value?.stringValue
            let matched = text.map { Self.regexMatches(operand.stringValue ?? "", $0) } ?? false
            result = matcher.op == .matches ? matched : !matched
        case .contains, .notContains:
            let found: Bool
            if let items = value?.arrayValue {
                found = items.contains { Self.looselyEqual($0, operand) }
            } else if let text = value?.stringValue, let needle = operand.stringValue {
                found = text.contains(needle)
            } else {
                found = false
            }
            result = matcher.op == .contains ? found : !found
        case .versionLt, .versionLe, .versionGt, .versionGe:
            guard let version = value?.stringValue, let bound = operand.stringValue else { return (.fail, expected) }
            let order = DpkgVersion.compare(version, bound)
            switch matcher.op {
            case .versionLt: result = order < 0
            case .versionLe: result = order <= 0
            case .versionGt: result = order > 0
            default: result = order >= 0
            }
        case .exists:
            let wanted = operand.boolValue ?? true
            result = (value != nil) == wanted
        case .modeWithin:
            guard let mode = value?.stringValue.flatMap({ Int($0, radix: 8) }),
                let allowed = operand.stringValue.flatMap({ Int($0, radix: 8) })
            else { return (.fail, expected) }
            result = mode & ~allowed == 0
        case .coversPorts:
            let ranges = (value?.arrayValue ?? []).compactMap { PortRange.parse($0.stringValue ?? "") }
            let wanted = (operand.arrayValue ?? [operand]).compactMap(\.integerValue)
            result = !wanted.isEmpty && wanted.allSatisfy { port in ranges.contains { $0.contains(port) } }
        case .ageDays, .count:
            result = false
        }
        return (result ? .pass : .fail, expected)
    }

    private func judgeNested(_ value: FactValue?, _ matcher: Matcher, describing: Bool) -> (
        Outcome, String, LocalizedText
    ) {
        let derived: FactValue?
        switch matcher.op {
        case .ageDays:
            if let text = value?.stringValue, let date = CapdoDate.parse(text) {
                derived = .number((CapdoDate.ageInDays(of: date, now: context.now) * 10).rounded() / 10)
            } else {
                derived = nil
            }
        default:
            if let items = value?.arrayValue { derived = .number(Double(items.count)) } else { derived = value }
        }
        let inner = judge(derived, matcher.nested, describing: describing)
        let label = matcher.op == .ageDays ? "age in days" : "count"
        let requirement =
            describing ? MatcherPhrase.phrase(matcher.op, .null, nested: inner.requirement) : LocalizedText("")
        if derived == nil && matcher.op == .ageDays {
            return (.fail, "\(label) \(inner.expected) (no date found)", requirement)
        }
        return (inner.outcome, "\(label) \(inner.expected)", requirement)
    }

    /// Booleans compare by truth (`no` equals false), numbers numerically, everything else as text.
    static func looselyEqual(_ a: FactValue, _ b: FactValue) -> Bool {
        switch (a, b) {
        case (.bool, _), (_, .bool):
            if let x = a.boolValue, let y = b.boolValue { return x == y }
            return false
        case (.number(let x), _):
            if let y = b.numberValue { return x == y }
        case (_, .number(let y)):
            if let x = a.numberValue { return x == y }
        default:
            break
        }
        return a.stringValue != nil && a.stringValue == b.stringValue
    }

    static func regexMatches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = RegexCache.shared.regex(pattern) else { return false }
        return text.contains(regex)
    }

    static func describe(_ op: MatcherOperator, _ operand: FactValue) -> String {
        switch op {
        case .equals: return "= \(operand.display)"
        case .notEquals: return "≠ \(operand.display)"
        case .in: return "one of \(operand.display)"
        case .notIn: return "none of \(operand.display)"
        case .lt: return "< \(operand.display)"
        case .le: return "≤ \(operand.display)"
        case .gt: return "> \(operand.display)"
        case .ge: return "≥ \(operand.display)"
        case .matches: return "matches /\(operand.display)/"
        case .notMatches: return "does not match /\(operand.display)/"
        case .contains: return "contains \(operand.display)"
        case .notContains: return "does not contain \(operand.display)"
        case .versionLt: return "version < \(operand.display)"
        case .versionLe: return "version ≤ \(operand.display)"
        case .versionGt: return "version > \(operand.display)"
        case .versionGe: return "version ≥ \(operand.display)"
        case .exists: return operand.boolValue == false ? "not set" : "set"
        case .modeWithin: return "permissions within \(operand.display)"
        case .coversPorts: return "covers ports \(operand.display)"
        case .ageDays: return "age"
        case .count: return "count"
        }
    }
}

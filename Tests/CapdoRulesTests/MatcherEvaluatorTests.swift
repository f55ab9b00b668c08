import CapdoCore
import Foundation
import Testing

@testable import CapdoRules

/// `MatcherEvaluator.passes`, which collection filters ask per item without the expected text, against `judge`.
@Suite("Matcher evaluator")
struct MatcherEvaluatorTests {
    static let values: [FactValue?] = [
        nil, .null, .bool(true), .bool(false), .number(0), .number(5), .number(99_999), .string("5"), .string("no"),
        .string("1:9.2p1-2"), .string("0644"), .string("2026-11-01T00:00:00Z"), .array([.string("a"), .number(2)]),
        .array([]), .object(["a": .number(1)]),
    ]

    static let matchers: [[Matcher]] = [
        [Matcher(op: .equals, operand: .number(5))], [Matcher(op: .notEquals, operand: .string("no"))],
        [Matcher(op: .in, operand: .array([.string("5"), .bool(false)]))],
        [Matcher(op: .notIn, operand: .array([.string("a")]))], [Matcher(op: .le, operand: .string("${limit}"))],
        [Matcher(op: .gt, operand: .number(1))], [Matcher(op: .matches, operand: .string("^[0-9]+$"))],
        [Matcher(op: .notMatches, operand: .string("p1"))], [Matcher(op: .contains, operand: .string("a"))],
        [Matcher(op: .versionGe, operand: .string("1:9.0"))], [Matcher(op: .exists, operand: .bool(false))],
        [Matcher(op: .modeWithin, operand: .string("0644"))], [Matcher(op: .le, operand: .string("${undefined}"))],
        [Matcher(op: .count, operand: .null, nested: [Matcher(op: .ge, operand: .number(1))])],
        [Matcher(op: .ageDays, operand: .null, nested: [Matcher(op: .le, operand: .number(90))])],
        [Matcher(op: .ge, operand: .number(0)), Matcher(op: .lt, operand: .number(10))],
    ]

    @Test(arguments: matchers)
    func passesIsJudgesOutcome(_ matchers: [Matcher]) {
        let context = EvaluationContext(
            facts: .null, now: Date(timeIntervalSince1970: 1_764_547_200), variables: ["limit": .number(5)],
            issues: [])
        let evaluator = MatcherEvaluator(context: context)
        for value in Self.values {
            #expect(
                evaluator.passes(value, matchers) == (evaluator.judge(value, matchers).outcome == .pass),
                "\(value?.display ?? "absent") against \(matchers.map(\.op.rawValue))")
        }
    }
}

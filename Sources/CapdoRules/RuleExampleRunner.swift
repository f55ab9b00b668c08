import CapdoCore
import Foundation

/// Runs a rule's own examples (and the empty-facts check) — used by `capdo rules test` and the test suite.
public enum RuleExampleRunner {
    /// The fixed evaluation time for examples, so nothing in them ages.
    public static let exampleTime = Date(timeIntervalSince1970: 1_795_910_400)  // 2026-11-29T00:00:00Z

    public struct Outcome: Sendable, CustomStringConvertible {
        public var ruleID: String
        public var location: SourceLocation
        public var expected: FindingStatus
        public var actual: FindingStatus
        public var detail: String

        public var passed: Bool { actual == expected }

        public var description: String {
            "\(location): rule '\(ruleID)': example expected \(expected.rawValue), got \(actual.rawValue)\(detail.isEmpty ? "" : " — \(detail)")"
        }
    }

    /// Evaluates every example of `rule`, plus `{}` which must never pass.
    public static func run(_ rule: Rule, profile: Profile) -> [Outcome] {
        let engine = RuleEngine(profile: profile, now: exampleTime)
        var outcomes: [Outcome] = []
        let failStatus: FindingStatus = rule.manual ? .manual : .fail
        let cases: [(FindingStatus, [RuleExample])] = [
            (.pass, rule.examples.pass), (failStatus, rule.examples.fail), (.warn, rule.examples.warn),
        ]
        for (expected, examples) in cases {
            for example in examples {
                let finding = engine.evaluate(rule, facts: example.facts, host: "example")
                outcomes.append(
                    Outcome(
                        ruleID: rule.id, location: example.location, expected: expected, actual: finding.status,
                        detail: finding.status == expected ? "" : detail(finding)))
            }
        }
        let empty = engine.evaluate(rule, facts: .object([:]), host: "example")
        let emptyOK = empty.status != .pass && empty.status != .warn
        outcomes.append(
            Outcome(
                ruleID: rule.id, location: rule.location, expected: emptyOK ? empty.status : .notApplicable,
                actual: empty.status, detail: emptyOK ? "" : "a rule must not pass when its facts are missing"))
        return outcomes
    }

    private static func detail(_ finding: Finding) -> String {
        let reason = finding.reason?.en ?? ""
        let evidence = finding.evidence.map {
            "\($0.subject): expected \($0.expected), found \($0.found) [\($0.outcome.rawValue)]"
        }
        return ([reason] + evidence).filter { !$0.isEmpty }.joined(separator: " | ")
    }
}

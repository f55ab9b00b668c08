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
                var finding = engine.evaluate(rule, facts: example.facts, host: "example")
                // An attestation rule's failing example is `manual` (attestation missing) or, when its evidence
                // disproves the item (a document past its review date), `fail`.
                if rule.manual, expected == .manual, finding.status == .fail { finding.status = .manual }
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
                ruleID: rule.id, location: rule.location, expected: emptyOK ? empty.status : .notAssessed,
                actual: empty.status, detail: emptyOK ? "" : "a rule must not pass when its facts are missing"))
        outcomes += emptyCollectionOutcomes(rule, engine: engine)
        return outcomes
    }

    /// Each passing example with the collections the rule reads emptied must not pass either: finding nothing in an
    /// empty inventory is no proof. A rule that declares an `absence_proof` is held to this without it, so that the
    /// proof, not the empty list, is what carries its pass.
    static func emptyCollectionOutcomes(_ rule: Rule, engine: RuleEngine) -> [Outcome] {
        let paths = ResourceResolvers.collectionPaths(of: rule.check)
        guard !paths.isEmpty else { return [] }
        var bare = rule
        bare.absenceProof = nil
        bare.warnUnless = nil
        var outcomes: [Outcome] = []
        for example in rule.examples.pass {
            var facts = example.facts
            var changed = false
            for path in paths {
                if let items = facts.value(atPath: path)?.arrayValue, !items.isEmpty {
                    facts = facts.replacing(path: path[...], with: .array([]))
                    changed = true
                }
            }
            guard changed else { continue }
            let finding = engine.evaluate(bare, facts: facts, host: "example")
            let ok = finding.status != .pass && finding.status != .warn
            outcomes.append(
                Outcome(
                    ruleID: rule.id, location: example.location, expected: ok ? finding.status : .notAssessed,
                    actual: finding.status,
                    detail: ok
                        ? ""
                        : "passes with \(paths.joined(separator: ", ")) emptied: finding nothing in an empty list "
                            + "is no proof (declare what is, in absence_proof)"))
        }
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

private extension FactValue {
    /// This tree with the value at a dotted path (whose objects exist) replaced.
    func replacing(path: Substring, with value: FactValue) -> FactValue {
        guard case .object(var members) = self else { return self }
        let head = path.prefix { $0 != "." }
        let rest = path.dropFirst(head.count + 1)
        let key = String(head)
        if rest.isEmpty {
            members[key] = value
        } else if let child = members[key] {
            members[key] = child.replacing(path: rest, with: value)
        }
        return .object(members)
    }
}

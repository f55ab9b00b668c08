import ArgumentParser
import CapdoCore
import CapdoRules

/// `capdo rules test`: run every rule's own pass/fail/warn examples and the empty-facts check.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run every rule's examples; a rule must also never pass on missing facts.",
        discussion: "Example: capdo rules test --verbose")

    @OptionGroup var rules: RulesDirectoryOption
    @Option(name: .long, help: "Profile whose variables the examples use.") var profile: String = "level2"
    @Flag(name: .long, help: "Print every example, not only failures.") var verbose = false

    func run() throws {
        try rules.withCatalog { catalog in
            for problem in catalog.problems { print("problem: \(problem.description)") }
            guard let selected = catalog.profile(profile) else {
                throw CapdoError(.ruleInvalid, "profile '\(profile)' not found")
            }
            var passed = 0
            var failed = 0
            for rule in catalog.rules {
                for outcome in RuleExampleRunner.run(rule, profile: selected) {
                    if outcome.passed {
                        passed += 1
                        if verbose { print("ok   \(outcome.location) \(rule.id) → \(outcome.actual.rawValue)") }
                    } else {
                        failed += 1
                        print("FAIL \(outcome)")
                    }
                }
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 || !catalog.problems.isEmpty { throw ExitCode(CapdoError.Code.ruleInvalid.exitCode) }
        }
    }
}

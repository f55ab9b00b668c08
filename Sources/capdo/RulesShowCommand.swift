import ArgumentParser
import CapdoCore

/// `capdo rules show ID`: everything about one rule.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one rule: requirement ids, check, threshold source, remediation, examples.",
        discussion: "Example: capdo rules show srv.auth.ssh_root_login_disabled")

    @Argument(help: "Rule id.") var id: String
    @Option(name: .long, help: "Rules directory (default: the shipped Rules/).") var rules: String?

    func run() throws {
        try ErrorReport.reported { try show() }
    }

    private func show() throws(CapdoError) {
        let catalog = try RulesDirectoryOption.load(rules)
        guard let rule = catalog.rule(id) else { throw CapdoError(.usage, "no rule '\(id)'") }
        print(
            """
            \(rule.id)  [\(rule.severity.rawValue)\(rule.manual ? ", manual attestation" : "")]
              vi: \(rule.title.vi)
              en: \(rule.title.en)
              requirement: TT12 \(rule.requirement.tt12) · TCVN 11930 \(rule.requirement.tcvn11930)\
            \(rule.requirement.tcvn14423.map { " · TCVN 14423 \($0)" } ?? "")\(rule.requirement.nd331.map { " · NĐ 331 \($0)" } ?? "")
              group: \(rule.group.rawValue)   threshold source: \(rule.thresholdSource)
              defined at: \(rule.location)
              check: \(RuleDescription.describe(rule.check))
            """)
        if let applies = rule.applies { print("  applies when: \(RuleDescription.describe(applies))") }
        if let warn = rule.warnUnless { print("  warns unless: \(RuleDescription.describe(warn))") }
        print("  remediation (vi): \(rule.remediation.vi)\n  remediation (en): \(rule.remediation.en)")
        print(
            "  examples: \(rule.examples.pass.count) pass, \(rule.examples.fail.count) fail, \(rule.examples.warn.count) warn"
        )
    }
}

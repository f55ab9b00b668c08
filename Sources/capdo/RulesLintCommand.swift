import ArgumentParser
import CapdoCore
import CapdoRules

/// `capdo rules lint`: load every file strictly and cross-check profile variables and controls.
struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check rule files, the profile and the controls file; exit 1 on any problem.",
        discussion: "Example: capdo rules lint ./my-rules")

    @OptionGroup var rules: RulesDirectoryOption
    @Option(name: .long, help: "Profile whose variables the rules must find.") var profile: String = "level2"

    func run() throws {
        try rules.withCatalog { catalog in
            let problems = CatalogLinter.lint(catalog, profileID: profile)
            for problem in problems { print(problem) }
            print(
                "\(catalog.rules.count) rules, \(catalog.controls.count) control items, \(catalog.profiles.count) profiles: \(problems.isEmpty ? "no problems" : "\(problems.count) problems")"
            )
            if !problems.isEmpty { throw ExitCode(CapdoError.Code.ruleInvalid.exitCode) }
        }
    }
}

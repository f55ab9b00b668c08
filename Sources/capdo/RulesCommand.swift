import ArgumentParser

/// `capdo rules`: inspect and test the rule catalogue.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, show, lint and test the level-2 rules.",
        subcommands: [RulesListCommand.self, RulesShowCommand.self, RulesLintCommand.self, RulesTestCommand.self])
}

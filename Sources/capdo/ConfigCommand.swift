import ArgumentParser

/// `capdo config`: work with capdo.yaml.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check capdo.yaml and show the effective configuration.",
        subcommands: [ConfigCheckCommand.self])
}

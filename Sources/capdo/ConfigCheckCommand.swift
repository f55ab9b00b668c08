import ArgumentParser
import CapdoApp
import CapdoCore
import CapdoRules

/// `capdo config check FILE`: validates capdo.yaml (file:line errors, exit 64) and prints the effective settings.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate capdo.yaml and print the effective configuration.",
        discussion: """
            Examples:
              capdo config check /etc/capdo/capdo.yaml
            """)

    @Argument(help: "The configuration file.")
    var file: String

    func run() throws {
        try ErrorReport.reported { try check() }
    }

    private func check() throws(CapdoError) {
        let config = try RuleSetChoice.loadConfig(file)
        print(ConfigSummary.text(config, file: file))
    }
}

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
        var lines = ["\(file): OK"]
        if let organisation = config.organisation {
            lines.append("organisation: \(organisation.name)" + (organisation.department.map { " / \($0)" } ?? ""))
        }
        for system in config.systems {
            lines.append("system: \(system.name) (level \(system.level)) at \(system.location)")
            if let owner = system.owner { lines.append("  owner: \(owner)") }
            if let value = system.operator { lines.append("  operator: \(value)") }
            for root in system.roots { lines.append("  root: \(root)") }
            for folder in system.snapshots { lines.append("  snapshots: \(folder)") }
            for target in system.lanTargets { lines.append("  lan target: \(target)") }
            for endpoint in system.tlsEndpoints { lines.append("  tls endpoint: \(endpoint)") }
        }
        lines.append("profile: \(config.profile ?? "level2 (default)")")
        for name in config.variables.keys.sorted() {
            lines.append("variable: \(name) = \(config.variables[name]!.display)")
        }
        lines.append("rules: \(config.rules ?? "shipped Rules/")")
        lines.append("waivers: \(config.waivers ?? "none")")
        lines.append("output: \(config.output ?? "Reports (default)")")
        lines.append("formats: \(config.formats?.joined(separator: ",") ?? "html,md,json (default)")")
        lines.append("language: \(config.language?.rawValue ?? "vi (default)")")
        lines.append("history: \(config.history ?? "off")")
        lines.append("retention: \(config.retention.isUnlimited ? "unlimited" : config.retention.description)")
        print(lines.joined(separator: "\n"))
    }
}

import CapdoRules

/// What `capdo config check` prints for a valid capdo.yaml: the effective settings, defaults named.
public enum ConfigSummary {
    public static func text(_ config: CapdoConfig, file: String) -> String {
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
        return lines.joined(separator: "\n")
    }
}

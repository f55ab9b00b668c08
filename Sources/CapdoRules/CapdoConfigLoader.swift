import CapdoCore
import Foundation

/// Reads `capdo.yaml` strictly (unknown keys are `file:line` errors); relative paths are resolved against
/// the file's own folder.
public enum CapdoConfigLoader {
    static let topKeys: Set<String> = [
        "organisation", "system", "systems", "profile", "variables", "rules", "waivers", "evidence", "output", "formats",
        "language",
    ]

    public static func load(path: String) throws(CapdoError) -> CapdoConfig {
        guard let root = try YAMLReader.parseFile(path) else { return CapdoConfig(file: path) }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(root, file: path, base: base)
    }

    static func parse(_ root: YNode, file: String, base: URL) throws(CapdoError) -> CapdoConfig {
        var context = LoadContext(file: file)
        context.ruleID = nil
        try context.checkKeys(root, allowed: topKeys, what: "capdo.yaml")
        func path(_ key: String) throws(CapdoError) -> String? {
            guard let node = root[key] else { return nil }
            let text = try context.string(node, key, line: node.line)
            return resolve(text, base: base)
        }
        var config = CapdoConfig(file: file)
        if let node = root["organisation"] {
            try context.checkKeys(node, allowed: ["name", "department", "address", "system"], required: ["name"], what: "organisation")
            config.organisation = Organisation(
                name: try context.string(node["name"], "organisation.name", line: node.line),
                department: node["department"]?.scalar?.stringValue, address: node["address"]?.scalar?.stringValue,
                system: node["system"]?.scalar?.stringValue)
        }
        var systems: [YNode] = []
        if let node = root["system"] { systems.append(node) }
        if let node = root["systems"] {
            guard let items = node.items else { throw context.error(node.line, "'systems' must be a list", code: .config) }
            systems += items
        }
        for system in systems {
            try context.checkKeys(
                system, allowed: ["name", "level", "owner", "operator", "hosts", "roots", "evidence", "description"],
                what: "system")
            if let name = system["name"]?.scalar?.stringValue, config.organisation?.system == nil {
                if config.organisation == nil { config.organisation = Organisation(name: "") }
                config.organisation?.system = name
            }
            if let level = system["level"]?.scalar?.numberValue, level != 2 {
                throw context.error(system.line, "system level \(Int(level)): capdo checks level 2 only", code: .config)
            }
            for host in (system["hosts"]?.items ?? []) + (system["roots"]?.items ?? []) {
                if let text = host.scalar?.stringValue {
                    config.roots.append(resolve(text, base: base))
                } else if let rootPath = host["root"]?.scalar?.stringValue {
                    config.roots.append(resolve(rootPath, base: base))
                }
            }
            if config.evidence == nil, let evidence = system["evidence"]?.scalar?.stringValue {
                config.evidence = resolve(evidence, base: base)
            }
        }
        if let node = root["profile"] {
            let value = try context.string(node, "profile", line: node.line)
            config.profile = value.hasSuffix(".yaml") || value.contains("/") ? resolve(value, base: base) : value
        }
        if let node = root["variables"] {
            for pair in node.pairs { config.variables[pair.key] = pair.value.factValue }
        }
        config.rules = try path("rules")
        config.waivers = try path("waivers")
        config.evidence = try path("evidence") ?? config.evidence
        config.output = try path("output")
        if let node = root["formats"] {
            config.formats = node.items?.compactMap { $0.scalar?.stringValue } ?? node.scalar?.stringValue?.split(separator: ",").map(String.init)
        }
        if let node = root["language"] {
            guard let language = node.scalar?.stringValue.flatMap(Language.init(rawValue:)) else {
                throw context.error(node.line, "language must be vi or en", code: .config)
            }
            config.language = language
        }
        return config
    }

    /// Resolves against the config file's folder; a result under the working directory is shown relative to it,
    /// so reports do not depend on where the repository or /etc/capdo happens to be.
    static func resolve(_ path: String, base: URL) -> String {
        if path.hasPrefix("/") { return path }
        let absolute = base.appendingPathComponent(path).standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if absolute == cwd { return "." }
        if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
        return absolute
    }
}

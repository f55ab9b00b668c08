import ArgumentParser
import CapdoCore
import CapdoRules
import Foundation

/// Options that choose the rules, the profile, the waivers and the configuration file.
struct RuleSetOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (capdo.yaml). Flags override it.")
    var config: String?

    @Option(name: .long, help: "Profile id from the rule set (default level2) or a profile YAML file.")
    var profile: String?

    @Option(name: .long, help: "Rules directory (default: the shipped Rules/).")
    var rules: String?

    @Option(name: .long, help: "Waivers file (waivers.yaml).")
    var waivers: String?

    /// Loads capdo.yaml when given.
    func loadConfig() throws -> CapdoConfig {
        try Self.loadConfig(config)
    }

    /// Loads the capdo.yaml at `path`, or the empty configuration when there is none.
    static func loadConfig(_ path: String?) throws -> CapdoConfig {
        guard let path else { return CapdoConfig() }
        do { return try CapdoConfigLoader.load(path: path) } catch { throw CLIError.usage(error.description) }
    }

    /// Loads the catalogue, the selected profile (with config overrides) and the waivers.
    func loadRuleSet(config: CapdoConfig, warn: (String) -> Void) throws -> LoadedRuleSet {
        guard
            let directory = rules ?? config.rules ?? RuleCatalog.locateShipped(executable: CommandLine.arguments.first)
        else {
            throw CLIError.scanner("the Rules/ directory was not found; pass --rules DIR or set CAPDO_RULES")
        }
        let catalog: RuleCatalog
        do { catalog = try RuleCatalog.load(directory: directory) } catch { throw CLIError.scanner(error.description) }
        for problem in catalog.problems { warn("warning: \(problem.description) (this file's rules are skipped)") }

        let profileName = profile ?? config.profile ?? "level2"
        var selected: Profile
        if profileName.hasSuffix(".yaml") || profileName.contains("/") {
            guard let data = FileManager.default.contents(atPath: profileName) else {
                throw CLIError.usage("cannot read profile file '\(profileName)'")
            }
            do {
                selected = try ProfileLoader.load(
                    text: String(decoding: data, as: UTF8.self), file: profileName, base: { catalog.profile($0) })
            } catch { throw CLIError.usage(error.description) }
        } else {
            guard let found = catalog.profile(profileName) else {
                throw CLIError.usage(
                    "unknown profile '\(profileName)'; known: \(catalog.profiles.keys.sorted().joined(separator: ", "))"
                )
            }
            selected = found
        }
        for (name, value) in config.variables {
            let previous = selected.variables[name]
            selected.variables[name] = ProfileVariable(
                value: value,
                source: "capdo.yaml" + (previous.map { " (default \($0.value.display), \($0.source))" } ?? ""),
                description: previous?.description)
        }

        var waiverList: [Waiver] = []
        if let waiverPath = waivers ?? config.waivers {
            guard let data = FileManager.default.contents(atPath: waiverPath) else {
                throw CLIError.usage("cannot read waivers file '\(waiverPath)'")
            }
            do {
                waiverList = try WaiverLoader.load(text: String(decoding: data, as: UTF8.self), file: waiverPath)
            } catch { throw CLIError.usage(error.description) }
            for waiver in waiverList where catalog.rule(waiver.rule) == nil {
                warn(
                    "warning: \(waiver.location?.description ?? waiverPath): waiver names unknown rule '\(waiver.rule)'"
                )
            }
        }
        return LoadedRuleSet(catalog: catalog, profile: selected, waivers: waiverList)
    }
}

/// The catalogue, profile and waivers a command evaluates with.
struct LoadedRuleSet {
    var catalog: RuleCatalog
    var profile: Profile
    var waivers: [Waiver]
    /// Restricts the selection to one requirement group (`capdo lan` evaluates only the network rules).
    var onlyGroup: RequirementGroup?

    var selectedRules: [Rule] {
        catalog.rules.filter { profile.selects($0.id) && (onlyGroup == nil || $0.group == onlyGroup) }
    }

    var profileInfo: ProfileInfo {
        ProfileInfo(
            id: profile.id, title: profile.title,
            variables: profile.variables.keys.sorted().map { name in
                let variable = profile.variables[name]!
                return VariableUse(
                    name: name, value: variable.value.display, source: variable.source,
                    description: variable.description)
            })
    }

    var ruleSetInfo: RuleSetInfo {
        RuleSetInfo(version: catalog.version, ruleCount: selectedRules.count, digest: catalog.digest)
    }
}

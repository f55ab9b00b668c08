import CapdoCore
import CapdoRules
import Foundation

/// Which rules, profile, waivers and configuration file a command uses (`--config`, `--profile`, `--rules`,
/// `--waivers`; capdo.yaml fills what the flags leave out).
public struct RuleSetChoice: Sendable {
    public var config: String?
    public var profile: String?
    public var rules: String?
    public var waivers: String?

    public init(config: String? = nil, profile: String? = nil, rules: String? = nil, waivers: String? = nil) {
        self.config = config
        self.profile = profile
        self.rules = rules
        self.waivers = waivers
    }

    /// The capdo.yaml at `path`, or the empty configuration when there is none; a bad file is a `.config` error.
    public static func loadConfig(_ path: String?) throws(CapdoError) -> CapdoConfig {
        guard let path else { return CapdoConfig() }
        do throws(CapdoError) { return try CapdoConfigLoader.load(path: path) } catch { throw error.coded(.config) }
    }

    /// The rules directory: `--rules`, capdo.yaml `rules:`, else the shipped one; `naming` says how the user names
    /// another one in the error.
    public static func rulesDirectory(_ given: String?, naming: String = "pass --rules DIR") throws(CapdoError)
        -> String
    {
        guard let directory = given ?? RuleCatalog.locateShipped(executable: CommandLine.arguments.first) else {
            throw CapdoError(.io, "the Rules/ directory was not found; \(naming) or set CAPDO_RULES")
        }
        return directory
    }

    /// Loads the catalogue, the selected profile (with capdo.yaml's variables) and the waivers: the one place a
    /// command's rule set comes from.
    public func load(config: CapdoConfig, warn: (String) -> Void) throws(CapdoError) -> LoadedRuleSet {
        let catalog = try RuleCatalog.load(directory: Self.rulesDirectory(rules ?? config.rules))
        for problem in catalog.problems { warn("warning: \(problem.description) (this file's rules are skipped)") }
        var selected = try catalog.profile(named: profile ?? config.profile ?? "level2")
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
                throw CapdoError(.waivers, "cannot read waivers file '\(waiverPath)'")
            }
            do throws(CapdoError) {
                waiverList = try WaiverLoader.load(text: String(decoding: data, as: UTF8.self), file: waiverPath)
            } catch { throw error.coded(.waivers) }
            for waiver in waiverList where catalog.rule(waiver.rule) == nil {
                warn(
                    "warning: \(waiver.location?.description ?? waiverPath): waiver names unknown rule '\(waiver.rule)'"
                )
            }
        }
        return LoadedRuleSet(catalog: catalog, profile: selected, waivers: waiverList)
    }
}
